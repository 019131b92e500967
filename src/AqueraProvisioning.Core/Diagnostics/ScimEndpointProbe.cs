using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core;

/// <summary>
/// Checks an Aquera SCIM endpoint from this machine, stage by stage (URL, DNS, TCP, TLS, HTTP, authentication,
/// SCIM read), and says what is wrong. Works with or without a PingOne session: with one, it goes through the
/// session's proxy; without, through the shared client and the system proxy. Secrets never appear in a result.
/// </summary>
public static class ScimEndpointProbe
{
    /// <summary>The time limit when none is given.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private static readonly ScimProbeStage[] s_order =
    {
        ScimProbeStage.Url, ScimProbeStage.Dns, ScimProbeStage.Tcp, ScimProbeStage.Tls,
        ScimProbeStage.Http, ScimProbeStage.Authentication, ScimProbeStage.ScimRead,
    };

    /// <summary>Runs every stage; those after a failure are Skipped. Only cancellation throws.</summary>
    /// <param name="scimUrl">The SCIM base URL as the admin has it.</param>
    /// <param name="credential">The connection's credentials, or null to run the stages up to HTTP only.</param>
    /// <param name="session">The PingOne session whose proxy and pipeline to use, or null.</param>
    /// <param name="timeout">The time limit of the whole probe.</param>
    /// <param name="context">The operation context (log).</param>
    /// <param name="cancellationToken">Stops the probe (Ctrl+C).</param>
    public static Task<ScimProbeResult> RunAsync(string scimUrl, AqueraCredential? credential, PingOneSession? session, TimeSpan timeout, OperationContext context, CancellationToken cancellationToken)
    {
        HttpPipeline pipeline = session?.Pipeline ?? new HttpPipeline(SharedHttpClients.Get(null), new RetryOptions());
        return RunAsync(scimUrl, credential, pipeline, session?.Settings.Proxy, timeout, () => DateTimeOffset.UtcNow, context, cancellationToken);
    }

    internal static async Task<ScimProbeResult> RunAsync(
        string scimUrl, AqueraCredential? credential, HttpPipeline pipeline, ProxySettings? sessionProxy, TimeSpan timeout, Func<DateTimeOffset> now, OperationContext context, CancellationToken cancellationToken)
    {
        if (timeout <= TimeSpan.Zero || timeout > TimeSpan.FromMinutes(30))
        {
            throw new AqueraValidationException(ErrorIds.InvalidSetting, "The probe's time limit must be between 1 second and 30 minutes.", "TimeoutSec");
        }

        context ??= OperationContext.Silent();
        var total = Stopwatch.StartNew();
        var state = new ProbeState(scimUrl, credential, null, timeout);
        var checks = new ScimHttpChecks(pipeline, context);
        var stages = new List<ScimProbeStageResult>(s_order.Length);
        ScimProbeStage? failed = null;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        foreach (ScimProbeStage stage in s_order)
        {
            if (failed != null)
            {
                stages.Add(new ScimProbeStageResult(stage, ScimProbeStatus.Skipped, "Not run: the " + failed + " stage failed.", null, ScimProbeReasons.EarlierStageFailed, TimeSpan.Zero));
                continue;
            }

            var watch = Stopwatch.StartNew();
            StageOutcome outcome;
            try
            {
                outcome = await RunStageAsync(stage, state, checks, sessionProxy, now, deadline.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when ((ex is OperationCanceledException || ex is TimeoutException) && !cancellationToken.IsCancellationRequested)
            {
                outcome = StageOutcome.Failed(
                    string.Format(CultureInfo.InvariantCulture, "No answer within the probe's time limit of {0:0.#} s (the {1} stage had run {2:0.0} s).", timeout.TotalSeconds, stage, watch.Elapsed.TotalSeconds),
                    ScimProbeReasons.Timeout,
                    TimeoutHint(stage));
            }

            var result = new ScimProbeStageResult(stage, outcome.Status, outcome.Detail, outcome.Hint, outcome.Reason, watch.Elapsed);
            stages.Add(result);
            context.Log.Verbose("SCIM probe: " + result);
            if (outcome.Status == ScimProbeStatus.Failed)
            {
                failed = stage;
            }
        }

        return new ScimProbeResult(scimUrl, credential?.Method, state.Proxy, stages, total.Elapsed);
    }

    private static async Task<StageOutcome> RunStageAsync(ScimProbeStage stage, ProbeState state, ScimHttpChecks checks, ProxySettings? sessionProxy, Func<DateTimeOffset> now, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        switch (stage)
        {
            case ScimProbeStage.Url:
                StageOutcome url = UrlCheck.Run(state);
                if (state.Url != null)
                {
                    state.Proxy = ProxyRoute.For(state.Url, sessionProxy);
                }

                return url;
            case ScimProbeStage.Dns:
                return await NameCheck.RunAsync(state, cancellationToken).ConfigureAwait(false);
            case ScimProbeStage.Tcp:
                return await TcpCheck.RunAsync(state, cancellationToken).ConfigureAwait(false);
            case ScimProbeStage.Tls:
                return await TlsCheck.RunAsync(state, now, cancellationToken).ConfigureAwait(false);
            case ScimProbeStage.Http:
                return await checks.HttpAsync(state, cancellationToken).ConfigureAwait(false);
            case ScimProbeStage.Authentication:
                return ScimHttpChecks.Authentication(state);
            default:
                return state.Credential is null && state.Answer is { Status: 401 or 403 }
                    ? StageOutcome.Skipped("Not run: no credentials were given.", ScimProbeReasons.NoCredentials)
                    : await checks.ReadAsync(state, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string TimeoutHint(ScimProbeStage stage) => stage switch
    {
        ScimProbeStage.Dns => "This machine's DNS servers do not answer.",
        ScimProbeStage.Tcp or ScimProbeStage.Tls => "Packets to the port are dropped: a firewall, an allowlist that does not include this network, or a host that is down.",
        _ => "The service accepted the connection but answers too slowly or not at all; it may be overloaded, or a proxy holds the request.",
    };
}

using System;
using System.Collections.Generic;
using System.Linq;

namespace AqueraProvisioning.Core;

/// <summary>The outcome of probing an Aquera SCIM endpoint directly, stage by stage.</summary>
public sealed class ScimProbeResult
{
    internal ScimProbeResult(string scimUrl, AqueraAuthenticationMethod? method, Uri? proxy, IReadOnlyList<ScimProbeStageResult> stages, TimeSpan duration)
    {
        ScimUrl = Redactor.RedactUrl(scimUrl);
        AuthenticationMethod = method;
        Proxy = proxy;
        Stages = stages;
        Duration = duration;
    }

    /// <summary>The probed URL (any user info masked).</summary>
    public string ScimUrl { get; }

    /// <summary>
    /// True when no stage failed and authentication was tried and passed: the URL, the network and the credentials
    /// work from this machine. Without credentials it is false, since they were not proven.
    /// </summary>
    public bool Success => Stages.All(s => s.Status != ScimProbeStatus.Failed) &&
        Stages.Any(s => s.Stage == ScimProbeStage.Authentication && (s.Status == ScimProbeStatus.Passed || s.Status == ScimProbeStatus.Warning));

    /// <summary>The method whose credentials were tried; null when none were given.</summary>
    public AqueraAuthenticationMethod? AuthenticationMethod { get; }

    /// <summary>The proxy the HTTP stages went through, or null for a direct connection.</summary>
    public Uri? Proxy { get; }

    /// <summary>Every stage, in order; those after a failure are Skipped.</summary>
    public IReadOnlyList<ScimProbeStageResult> Stages { get; }

    /// <summary>How long the whole probe took.</summary>
    public TimeSpan Duration { get; }

    /// <summary>The first stage that failed, or null.</summary>
    public ScimProbeStageResult? FailedStage => Stages.FirstOrDefault(s => s.Status == ScimProbeStatus.Failed);

    /// <summary>The stages with a warning.</summary>
    public IReadOnlyList<ScimProbeStageResult> Warnings => Stages.Where(s => s.Status == ScimProbeStatus.Warning).ToList();

    /// <summary>One sentence: success, or the stage that failed and why.</summary>
    public string Summary
    {
        get
        {
            ScimProbeStageResult? failed = FailedStage;
            if (failed != null)
            {
                return "Failed at " + failed.Stage + ": " + failed.Detail;
            }

            return Success
                ? "All stages passed" + (Warnings.Count > 0 ? " (" + Warnings.Count + " with a warning)." : ".")
                : "Reachable; authentication was not tried.";
        }
    }

    /// <summary>A copy whose stage hints carry more advice, where <paramref name="advice"/> gives any.</summary>
    internal ScimProbeResult WithAdvice(Func<ScimProbeStageResult, string?> advice) =>
        new ScimProbeResult(ScimUrl, AuthenticationMethod, Proxy, Stages.Select(s => advice(s) is { Length: > 0 } text ? s.WithAdvice(text) : s).ToList(), Duration);

    /// <summary>The URL and the summary.</summary>
    public override string ToString() => ScimUrl + ": " + Summary;
}

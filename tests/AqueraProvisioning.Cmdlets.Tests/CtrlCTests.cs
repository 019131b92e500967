using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;
using AqueraProvisioning.Cmdlets.Tests.Support;
using AqueraProvisioning.Sandbox;
using Xunit;

namespace AqueraProvisioning.Cmdlets.Tests;

/// <summary>
/// Ctrl+C is <c>PowerShell.Stop()</c>, which calls the cmdlet's StopProcessing: the request in flight, the token
/// request and a retry wait must all end within a second, and the request must be cancelled on the wire.
/// </summary>
[Collection(OneSandbox.Name)]
public sealed class CtrlCTests : SandboxTest
{
    private const int SlowMs = 10_000;

    public CtrlCTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    [Fact]
    public void Stopping_Connect_during_a_slow_token_request_returns_within_a_second_and_leaves_no_session()
    {
        Sandbox.Set(s => s with { LatencyMs = SlowMs });
        using Runspace runspace = CmdletHost.OpenRunspace();
        using PowerShell ps = CmdletHost.On(runspace);
        ps.AddConnect(Sandbox.Info);

        long stopMs = StopWhileInFlight(ps, () => Sandbox.TokenRequests().Count == 0 && Sandbox.State.Counters.Requests >= 1);

        Assert.True(stopMs < 1000, "Stop took " + stopMs + " ms");
        Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
        AssertAbortedOnTheWire(() => Sandbox.TokenRequests().SingleOrDefault());
        Sandbox.Set(s => s with { LatencyMs = 0 });
        using PowerShell context = CmdletHost.On(runspace);
        Assert.Empty(Invocation.Run(context.AddCommand("Get-AqueraPingOneContext")).AssertSucceeded().Output);
    }

    [Fact]
    public void Stopping_New_AqueraConnection_during_a_slow_API_request_returns_within_a_second_and_creates_nothing()
    {
        using Runspace runspace = Connected();
        Sandbox.Set(s => s with { LatencyMs = SlowMs });
        using PowerShell ps = CmdletHost.On(runspace);
        ps.AddCommand("New-AqueraConnection")
            .AddParameter("Name", "slow-one")
            .AddParameter("ScimUrl", Sandbox.Info.ScimUrl)
            .AddParameter("BearerToken", CmdletHost.Secure(Sandbox.Info.ScimBearerToken))
            .AddParameter("SkipConnectionTest");

        long stopMs = StopWhileInFlight(ps, () => Sandbox.State.Counters.Requests >= 2);

        Assert.True(stopMs < 1000, "Stop took " + stopMs + " ms");
        Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
        AssertAbortedOnTheWire(() => Sandbox.ApiRequests().SingleOrDefault());
        Assert.Equal(0, Sandbox.State.Stores.Count);
        Assert.DoesNotContain(Sandbox.Requests(), r => r.IsStateChanging && r.Path.StartsWith("/v1/", StringComparison.Ordinal));
    }

    [Fact]
    public void Stopping_during_a_30_second_Retry_After_wait_returns_within_a_second_without_retrying()
    {
        using Runspace runspace = Connected();
        Sandbox.Set(s => s with { ThrottleEveryN = 1, RetryAfterSeconds = 30 });
        using PowerShell ps = CmdletHost.On(runspace);
        ps.AddCommand("Get-AqueraConnection").AddParameter("Verbose");

        long stopMs = StopWhileInFlight(ps, () => Sandbox.ApiRequests().Any(r => r.Status == 429) && ps.Streams.Verbose.Any(v => v.Message.StartsWith("Retrying after 429", StringComparison.Ordinal)));

        Assert.True(stopMs < 1000, "Stop took " + stopMs + " ms");
        Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
        Thread.Sleep(200);
        Assert.Single(Sandbox.ApiRequests());
    }

    [Fact]
    public void Stopping_Test_AqueraScimEndpoint_during_a_slow_SCIM_answer_returns_within_a_second_without_a_session()
    {
        Sandbox.Set(s => s with { ScimLatencyMs = SlowMs });
        long opened = Sandbox.State.Counters.ConnectionsOpened;
        using Runspace runspace = CmdletHost.OpenRunspace();
        using PowerShell ps = CmdletHost.On(runspace);
        ps.AddCommand("Test-AqueraScimEndpoint")
            .AddParameter("ScimUrl", Sandbox.Info.ScimUrl)
            .AddParameter("BearerToken", CmdletHost.Secure(Sandbox.Info.ScimBearerToken))
            .AddParameter("TimeoutSec", 60);

        // The TCP stage's connection, then the HTTP stage's, which waits for the slow answer.
        long stopMs = StopWhileInFlight(ps, () => Sandbox.State.Counters.ConnectionsOpened >= opened + 2);

        Assert.True(stopMs < 1000, "Stop took " + stopMs + " ms");
        Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
        Sandbox.Set(s => s with { ScimLatencyMs = 0 });
    }

    /// <summary>Starts the command, waits until it is in flight (plus ~300 ms), presses Ctrl+C and times until it has ended.</summary>
    private static long StopWhileInFlight(PowerShell ps, Func<bool> inFlight)
    {
        IAsyncResult pending = ps.BeginInvoke();
        Wait.Until(() => inFlight() || pending.IsCompleted, "the command to be in flight");
        Assert.False(pending.IsCompleted, "the command ended before it could be stopped: " + ps.InvocationStateInfo.Reason);
        Thread.Sleep(300);

        var watch = Stopwatch.StartNew();
        ps.Stop();
        Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(pending));
        return watch.ElapsedMilliseconds;
    }

    /// <summary>The sandbox records 499 when the client closed the request before the answer: it was cancelled, not abandoned.</summary>
    private static void AssertAbortedOnTheWire(Func<RequestLogEntry?> entry) =>
        Assert.Equal(499, Wait.For(entry, "the sandbox to log the cancelled request", 5000).Status);
}

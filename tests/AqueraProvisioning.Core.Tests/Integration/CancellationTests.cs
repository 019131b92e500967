using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AqueraProvisioning.Core.Tests.Support;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Integration;

/// <summary>Ctrl+C on a slow service: the request in flight is cancelled within a second.</summary>
public class CancellationTests : SandboxTestBase, IClassFixture<SandboxFixture>
{
    private const int SlowMs = 10_000;

    public CancellationTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    private static async Task<long> MillisecondsFromCancelToEndAsync(Func<CancellationToken, Task> operation)
    {
        using var cts = new CancellationTokenSource();
        Task running = operation(cts.Token);
        await Task.Delay(200);
        Assert.False(running.IsCompleted, "the operation should still be waiting for the slow sandbox");
        var watch = Stopwatch.StartNew();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        return watch.ElapsedMilliseconds;
    }

    [Fact]
    public async Task Cancelling_a_slow_api_call_returns_within_a_second()
    {
        using var session = Sandbox.NewSession();
        await session.ConnectAsync(OperationContext.Silent(), CancellationToken.None);
        await Control.SetAsync(new { latencyMs = SlowMs });

        long ms = await MillisecondsFromCancelToEndAsync(ct => session.Connections.ListAllAsync(OperationContext.Silent(), ct));

        Assert.True(ms < 1000, "cancellation took " + ms + " ms");
    }

    [Fact]
    public async Task Cancelling_a_slow_token_request_returns_within_a_second()
    {
        await Control.SetAsync(new { latencyMs = SlowMs });
        using var session = Sandbox.NewSession();

        long ms = await MillisecondsFromCancelToEndAsync(ct => session.ConnectAsync(OperationContext.Silent(), ct));

        Assert.True(ms < 1000, "cancellation took " + ms + " ms");
        Assert.Equal(0, session.TokensFetched);
    }

    [Fact]
    public async Task Cancelling_a_create_sends_no_retry_and_leaves_no_lookup_behind()
    {
        using var session = Sandbox.NewSession();
        await session.ConnectAsync(OperationContext.Silent(), CancellationToken.None);
        await Control.SetAsync(new { latencyMs = SlowMs });

        long ms = await MillisecondsFromCancelToEndAsync(ct =>
            session.Connections.CreateAsync(Sandbox.BearerDraft("cancelled-create"), skipTest: true, force: false, OperationContext.Silent(), ct));

        Assert.True(ms < 1000, "cancellation took " + ms + " ms");
        await Task.Delay(100);
        Assert.Single(ApiRequests());
    }

    [Fact]
    public async Task Cancelling_while_waiting_to_retry_returns_at_once()
    {
        using var session = Sandbox.NewSession(s => s.Retry.MaxDelay = TimeSpan.FromSeconds(30));
        await session.ConnectAsync(OperationContext.Silent(), CancellationToken.None);
        await Control.SetAsync(new { throttleEveryN = 1, retryAfterSeconds = 20 });

        long ms = await MillisecondsFromCancelToEndAsync(ct => session.Connections.ListAllAsync(OperationContext.Silent(), ct));

        Assert.True(ms < 1000, "cancellation took " + ms + " ms");
        Assert.Equal(429, ApiRequests().Single().Status);
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        using var session = Sandbox.NewSession();
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.Connections.ListAllAsync(OperationContext.Silent(), cts.Token));

        Assert.Empty(Requests());
    }
}

using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AqueraProvisioning.Core.Tests.Support;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Integration;

public class FaultToleranceTests : SandboxTestBase, IClassFixture<SandboxFixture>
{
    public FaultToleranceTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    private async Task<PingOneSession> ConnectedSessionAsync(Action<PingOneSessionSettings>? configure = null)
    {
        PingOneSession session = Sandbox.NewSession(configure);
        await session.ConnectAsync(OperationContext.Silent(), CancellationToken.None);
        return session;
    }

    [Fact]
    public async Task A_429_storm_ends_with_every_connection_created_exactly_once()
    {
        using var session = await ConnectedSessionAsync();
        await Control.SetAsync(new { throttleEveryN = 2, retryAfterSeconds = 0 });
        var log = new RecordingLog();
        var context = new OperationContext(log);
        string[] names = Enumerable.Range(1, 6).Select(i => "storm-429-" + i).ToArray();

        foreach (string name in names)
        {
            AqueraCreateResult result = await session.Connections.CreateAsync(Sandbox.BearerDraft(name), skipTest: false, force: false, context, CancellationToken.None);
            Assert.Equal(name, result.Connection.Name);
            Assert.True(result.Test!.Success);
        }

        Assert.All(names, n => Assert.Equal(1, StoresNamed(n)));
        Assert.Equal(names.Length, State.Stores.Count);
        int throttled = ApiRequests().Count(r => r.Status == 429);
        Assert.True(throttled >= names.Length, "the storm should have throttled at least one call per create, saw " + throttled);
        Assert.Equal(throttled, log.VerboseLines.Count(l => l.StartsWith("Retrying after 429", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Bursts_of_503_end_with_every_connection_created_exactly_once()
    {
        using var session = await ConnectedSessionAsync();
        await Control.SetAsync(new { unavailableEveryN = 3 });
        var context = OperationContext.Silent();
        string[] names = Enumerable.Range(1, 8).Select(i => "burst-503-" + i).ToArray();

        foreach (string name in names)
        {
            await session.Connections.CreateAsync(Sandbox.BearerDraft(name), skipTest: true, force: false, context, CancellationToken.None);
        }

        Assert.All(names, n => Assert.Equal(1, StoresNamed(n)));
        Assert.Equal(names.Length, State.Stores.Count);
        Assert.Contains(ApiRequests(), r => r.Status == 503 && r.Method == "POST");
    }

    [Fact]
    public async Task Reads_and_replaces_ride_out_503s()
    {
        using var session = await ConnectedSessionAsync(s => s.PageSize = 2);
        await Control.SeedAsync(5, "ride-");
        string id = State.Stores.Snapshot()[0].Id.ToString();
        await Control.SetAsync(new { unavailableEveryN = 3 });
        var context = OperationContext.Silent();

        var all = await session.Connections.ListAllAsync(context, CancellationToken.None);
        var updated = await session.Connections.UpdateAsync(id, new AqueraConnectionChanges { Description = "after 503s" }, new AqueraUpdateOptions(), context, CancellationToken.None);
        await session.Connections.DeleteAsync(id, context, CancellationToken.None);

        Assert.Equal(5, all.Count);
        Assert.Equal("after 503s", updated.Connection.Description);
        Assert.Equal(4, State.Stores.Count);
        Assert.True(ApiRequests().Count(r => r.Status == 503) >= 2);
    }

    [Fact]
    public async Task A_delete_answered_503_is_checked_and_sent_again()
    {
        using var session = await ConnectedSessionAsync();
        var created = (await session.Connections.CreateAsync(Sandbox.BearerDraft("delete-503"), skipTest: true, force: false, OperationContext.Silent(), CancellationToken.None)).Connection;
        var context = OperationContext.Silent();
        await Control.SetAsync(new { unavailableEveryN = 3 });
        State.Requests.Clear();

        // Two reads use up the count, so the delete is the third request and fails.
        await session.Connections.GetAsync(created.Id, context, CancellationToken.None);
        await session.Connections.GetAsync(created.Id, context, CancellationToken.None);
        await session.Connections.DeleteAsync(created.Id, context, CancellationToken.None);

        Assert.Equal(0, StoresNamed("delete-503"));
        Assert.Equal(
            new[] { "GET 200", "GET 200", "DELETE 503", "GET 200", "DELETE 204" },
            ApiRequests().Select(r => r.Method + " " + r.Status).ToArray());
    }

    [Fact]
    public async Task A_create_committed_then_answered_503_is_found_and_returned_once()
    {
        using var session = await ConnectedSessionAsync();
        await Control.SetAsync(new { commitThenFailCreates = 1 });
        var log = new RecordingLog();

        AqueraCreateResult result = await session.Connections.CreateAsync(Sandbox.BearerDraft("commit-then-fail"), skipTest: true, force: false, new OperationContext(log), CancellationToken.None);

        Assert.Equal(1, StoresNamed("commit-then-fail"));
        Assert.Equal(State.Stores.Snapshot().Single().Id.ToString(), result.Connection.Id);
        Assert.Single(ApiRequests(), r => r.Method == "POST");
        Assert.Contains(log.VerboseLines, l => l.Contains("The create of 'commit-then-fail' went through after all", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Several_commit_then_fail_creates_never_duplicate()
    {
        using var session = await ConnectedSessionAsync();
        await Control.SetAsync(new { commitThenFailCreates = 3, unavailableEveryN = 5 });
        string[] names = Enumerable.Range(1, 5).Select(i => "ctf-" + i).ToArray();

        foreach (string name in names)
        {
            await session.Connections.CreateAsync(Sandbox.BearerDraft(name), skipTest: true, force: false, OperationContext.Silent(), CancellationToken.None);
        }

        Assert.All(names, n => Assert.Equal(1, StoresNamed(n)));
        Assert.Equal(names.Length, State.Stores.Count);
    }

    [Fact]
    public async Task Retry_after_as_seconds_is_honoured()
    {
        using var session = await ConnectedSessionAsync(s => s.Retry.MaxDelay = TimeSpan.FromSeconds(5));
        await Control.SetAsync(new { throttleEveryN = 2, retryAfterSeconds = 1 });
        var context = OperationContext.Silent();
        await session.Connections.ListAllAsync(context, CancellationToken.None);

        var watch = Stopwatch.StartNew();
        await session.Connections.ListAllAsync(context, CancellationToken.None);
        watch.Stop();

        // The backoff alone would be about 10 ms; only the header explains a wait of a second.
        Assert.InRange(watch.ElapsedMilliseconds, 950, 4000);
        Assert.Equal(new[] { 200, 429, 200 }, ApiRequests().Select(r => r.Status).ToArray());
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_is_honoured()
    {
        using var session = await ConnectedSessionAsync(s => s.Retry.MaxDelay = TimeSpan.FromSeconds(5));
        await Control.SetAsync(new { throttleEveryN = 2, retryAfterSeconds = 1, retryAfterAsHttpDate = true });
        var log = new RecordingLog();
        var context = new OperationContext(log);
        await session.Connections.ListAllAsync(context, CancellationToken.None);

        var watch = Stopwatch.StartNew();
        await session.Connections.ListAllAsync(context, CancellationToken.None);
        watch.Stop();

        // The date has whole seconds and is rounded up, so the wait is between about one and two seconds.
        Assert.InRange(watch.ElapsedMilliseconds, 800, 4000);
        Assert.Equal(new[] { 200, 429, 200 }, ApiRequests().Select(r => r.Status).ToArray());
        Assert.Contains(log.VerboseLines, l => l.StartsWith("Retrying after 429", StringComparison.Ordinal) && !l.Contains("waiting 0.0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Throttling_that_never_ends_gives_up_after_the_attempts_as_throttled()
    {
        using var session = await ConnectedSessionAsync(s => s.Retry.MaxAttempts = 3);
        await Control.SetAsync(new { throttleEveryN = 1, retryAfterSeconds = 0 });

        var ex = await Assert.ThrowsAsync<PingOneApiException>(() => session.Connections.ListAllAsync(OperationContext.Silent(), CancellationToken.None));

        Assert.Equal(ErrorIds.Throttled, ex.ErrorId);
        Assert.Equal("REQUEST_LIMITED", ex.Code);
        Assert.Equal(3, ApiRequests().Count);
    }

    [Fact]
    public async Task A_create_that_keeps_failing_uncommitted_is_reported_as_unknown_outcome_and_never_duplicated()
    {
        using var session = await ConnectedSessionAsync(s => s.Retry.MaxAttempts = 3);
        var context = OperationContext.Silent();

        // Every second API request fails: after one list, each create lands on a 503 and each look-up gets through.
        await Control.SetAsync(new { unavailableEveryN = 2 });
        await session.Connections.ListAllAsync(context, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<AqueraOperationException>(() =>
            session.Connections.CreateAsync(Sandbox.BearerDraft("keeps-failing"), skipTest: true, force: false, context, CancellationToken.None));

        Assert.Equal(ErrorIds.CreateOutcomeUnknown, ex.ErrorId);
        Assert.Equal(503, ex.ApiException!.StatusCode);
        Assert.Contains("will not create a duplicate", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, StoresNamed("keeps-failing"));
        var posts = ApiRequests().Where(r => r.Method == "POST").ToList();
        Assert.Equal(3, posts.Count);
        Assert.All(posts, r => Assert.Equal(503, r.Status));
    }

    [Fact]
    public async Task A_request_slower_than_the_timeout_fails_as_a_timeout()
    {
        // The timeout leaves room for the connect's own token request on a loaded 2-core CI machine.
        using var session = await ConnectedSessionAsync(s =>
        {
            s.Retry.RequestTimeout = TimeSpan.FromMilliseconds(2000);
            s.Retry.MaxAttempts = 1;
        });
        await Control.SetAsync(new { latencyMs = 10000 });
        var watch = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<PingOneApiException>(() => session.Connections.ListAllAsync(OperationContext.Silent(), CancellationToken.None));

        Assert.Equal(ErrorIds.Timeout, ex.ErrorId);
        Assert.Equal("TIMEOUT", ex.Code);
        Assert.Equal(0, ex.StatusCode);
        Assert.True(watch.ElapsedMilliseconds < 6000, "timed out after " + watch.ElapsedMilliseconds + " ms");
    }

    [Fact]
    public async Task A_timed_out_read_is_retried_and_can_succeed()
    {
        using var session = await ConnectedSessionAsync(s => s.Retry.RequestTimeout = TimeSpan.FromMilliseconds(1500));
        await Control.SetAsync(new { latencyMs = 5000 });
        var log = new RecordingLog();
        var listing = session.Connections.ListAllAsync(new OperationContext(log), CancellationToken.None);

        // Let the first attempt time out, then speed the sandbox up for the retry.
        var waiting = Stopwatch.StartNew();
        while (!log.VerboseLines.Any(l => l.StartsWith("Retrying after", StringComparison.Ordinal)) && waiting.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }

        await Control.SetAsync(new { latencyMs = 0 });
        var all = await listing;

        Assert.Empty(all);
        Assert.Contains(log.VerboseLines, l => l.Contains("No answer within 1.5 s", StringComparison.Ordinal));
    }
}

using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AqueraProvisioning.Core.Tests.Support;
using AqueraProvisioning.Sandbox;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Integration;

/// <summary>
/// What a real network can put in PingOne's place, produced for real over HTTP by the sandbox's
/// <c>hostileAnswer</c> knob: each ends in one error with its ErrorId, quotes no page and no secret, and a body far
/// too large is never read to its end.
/// </summary>
public class HostileAnswerTests : SandboxTestBase, IClassFixture<SandboxFixture>
{
    // What the sandbox's pages are titled and carry (its HostileAnswers), and the status it logs for a client that
    // went away before the answer was done.
    private const string GatewayTitle = "502 Bad Gateway";
    private const string UnavailableTitle = "503 Service Temporarily Unavailable";
    private const string SignInTitle = "Sign in - Corporate Web Gateway";
    private const string PageSecret = "gw_session=GW-7Hq2-leaked-cookie-Zx81";
    private const int ClientClosedRequest = 499;

    private readonly RecordingLog _log = new();

    public HostileAnswerTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    private OperationContext Context => new(_log);

    private async Task<PingOneApiException> ListFailsAsync(PingOneSession session) =>
        await Assert.ThrowsAsync<PingOneApiException>(() => session.Connections.ListAllAsync(Context, CancellationToken.None));

    private async Task AssertNothingLeaksAsync(PingOneSession session, Exception failure)
    {
        string token = await SessionSecrets.CurrentAccessTokenAsync(session);
        string seen = failure.ToString() + "\n" + _log.AllText;
        Assert.DoesNotContain(token, seen, StringComparison.Ordinal);
        Assert.DoesNotContain(PageSecret, seen, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", seen, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("gatewayHtml", 502, GatewayTitle)]
    [InlineData("unavailableHtml", 503, UnavailableTitle)]
    public async Task A_gateway_page_is_retried_then_an_error_naming_its_title_not_its_text(string answer, int status, string title)
    {
        await Control.SetAsync(new { hostileAnswer = answer, retryAfterSeconds = 0 });
        using var session = Sandbox.NewSession(s => s.Retry.MaxAttempts = 3);

        PingOneApiException ex = await ListFailsAsync(session);

        Assert.Equal(ErrorIds.ServiceUnavailable, ex.ErrorId);
        Assert.Equal(status, ex.StatusCode);
        Assert.Contains("(an HTML page titled '" + title + "')", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, ApiRequests().Count(r => r.Status == status));
        await AssertNothingLeaksAsync(session, ex);
    }

    [Fact]
    public async Task A_gateway_page_now_and_then_is_ridden_out_by_the_retry()
    {
        await Control.SetAsync(new { hostileAnswer = "gatewayHtml", hostileEveryN = 2 });
        await Control.SeedAsync(3, "ridden-");
        using var session = Sandbox.NewSession();

        var first = await session.Connections.ListAllAsync(Context, CancellationToken.None);
        var second = await session.Connections.ListAllAsync(Context, CancellationToken.None);

        Assert.Equal(3, first.Count);
        Assert.Equal(3, second.Count);
        Assert.Equal(new[] { 200, 502, 200 }, ApiRequests().Select(r => r.Status));
    }

    [Fact]
    public async Task A_gateway_asking_for_an_hour_fails_at_once_as_unavailable()
    {
        await Control.SetAsync(new { hostileAnswer = "unavailableHtml", retryAfterSeconds = 3600 });
        using var session = Sandbox.NewSession();

        var watch = Stopwatch.StartNew();
        PingOneApiException ex = await ListFailsAsync(session);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "took " + watch.Elapsed);
        Assert.Equal(ErrorIds.ServiceUnavailable, ex.ErrorId);
        Assert.Equal(TimeSpan.FromHours(1), ex.RetryAfter);
        Assert.Contains("PingOne asked to wait 3600 s before trying again (Retry-After)", ex.Message, StringComparison.Ordinal);
        Assert.Single(ApiRequests());
    }

    [Fact]
    public async Task Throttling_with_an_hour_of_retry_after_fails_at_once_as_throttled()
    {
        await Control.SetAsync(new { throttleEveryN = 1, retryAfterSeconds = 3600 });
        using var session = Sandbox.NewSession();

        var watch = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<PingOneApiException>(() => session.Connections.CreateAsync(Sandbox.BearerDraft("throttled"), skipTest: true, force: false, Context, CancellationToken.None));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "took " + watch.Elapsed);
        Assert.Equal(ErrorIds.Throttled, ex.ErrorId);
        Assert.Equal(TimeSpan.FromHours(1), ex.RetryAfter);
        Assert.Single(ApiRequests());
        Assert.Equal(0, State.Stores.Count);
    }

    [Theory]
    [InlineData("truncatedJson", "its JSON could not be read")]
    [InlineData("wrongShape", "its JSON could not be read")]
    [InlineData("html", "it is an HTML page titled '" + SignInTitle + "', not JSON")]
    public async Task A_broken_foreign_or_misshapen_body_is_an_invalid_response(string answer, string says)
    {
        await Control.SetAsync(new { hostileAnswer = answer });
        using var session = Sandbox.NewSession();

        PingOneApiException ex = await ListFailsAsync(session);
        var single = await Assert.ThrowsAsync<PingOneApiException>(() => session.Connections.GetAsync(Guid.NewGuid().ToString(), Context, CancellationToken.None));

        foreach (PingOneApiException failure in new[] { ex, single })
        {
            Assert.Equal(ErrorIds.InvalidResponse, failure.ErrorId);
            Assert.Contains("answered 200, but " + says, failure.Message, StringComparison.Ordinal);
            await AssertNothingLeaksAsync(session, failure);
        }

        // An answer that says nothing is not retried: it would say nothing again.
        Assert.Equal(2, ApiRequests().Count);
    }

    [Theory]
    [InlineData("oversized", "its body is 67108864 bytes (Content-Length), more than the 10 MB the module reads")]
    [InlineData("oversizedChunked", "its body went on past the 10 MB the module reads")]
    public async Task A_body_far_over_10_MB_is_refused_without_being_read_to_its_end(string answer, string says)
    {
        await Control.SetAsync(new { hostileAnswer = answer });
        using var session = Sandbox.NewSession();

        PingOneApiException ex = await ListFailsAsync(session);

        Assert.Equal(ErrorIds.InvalidResponse, ex.ErrorId);
        Assert.EndsWith("answered 200, but " + says, ex.Message, StringComparison.Ordinal);

        // The sandbox logs 499 when the client went away before the answer was done.
        Assert.Equal(ClientClosedRequest, (await WaitForLoggedAsync()).Status);
    }

    [Fact]
    public async Task An_error_body_far_over_10_MB_is_not_read_and_the_status_still_says_what_failed()
    {
        await Control.SetAsync(new { hostileAnswer = "oversizedError" });
        using var session = Sandbox.NewSession(s => s.Retry.MaxAttempts = 1);

        PingOneApiException ex = await ListFailsAsync(session);

        Assert.Equal(ErrorIds.ServiceUnavailable, ex.ErrorId);
        Assert.Contains("failed with 502: Bad Gateway (its body is 67108864 bytes (Content-Length), more than the 10 MB the module reads)", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ClientClosedRequest, (await WaitForLoggedAsync()).Status);
    }

    [Fact]
    public async Task The_connection_check_meets_the_same_answers_as_errors_or_as_a_test_it_cannot_read()
    {
        using var session = Sandbox.NewSession();

        await Control.SetAsync(new { hostileAnswer = "html" });
        var html = await Assert.ThrowsAsync<PingOneApiException>(() => session.Connections.TestAsync(Sandbox.BearerDraft("hostile-check"), Context, CancellationToken.None));
        await Control.SetAsync(new { hostileAnswer = "wrongShape" });
        AqueraConnectionTestResult shape = await session.Connections.TestAsync(Sandbox.BearerDraft("hostile-check"), Context, CancellationToken.None);

        Assert.Equal(ErrorIds.InvalidResponse, html.ErrorId);
        Assert.False(shape.Success);
        Assert.Equal("PingOne answered 200 without a result the module understands.", shape.Message);
    }

    /// <summary>The request's log entry, written when the sandbox has finished with it (or the client went away).</summary>
    private async Task<RequestLogEntry> WaitForLoggedAsync()
    {
        for (int i = 0; i < 100; i++)
        {
            var logged = ApiRequests();
            if (logged.Count > 0)
            {
                return logged[0];
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The sandbox logged no request within 5 s.");
    }
}

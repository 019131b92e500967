using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using AqueraProvisioning.Core.Tests.Support;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Unit;

/// <summary>
/// A Retry-After longer than what is left of the request's retry time budget fails at once, saying what PingOne
/// asked for, instead of waiting in silence for an answer that would come too late anyway.
/// </summary>
public class RetryAfterBudgetTests
{
    private static readonly Uri s_url = new("https://api.example.test/v1/environments/e/propagation/stores");

    private readonly ScriptedHandler _handler = new();

    private static RetryOptions Budget(int attempts = 5) => new()
    {
        MaxAttempts = attempts,
        BaseDelay = TimeSpan.FromMilliseconds(1),
        MaxDelay = TimeSpan.FromMilliseconds(5),
        MaxRetryDuration = TimeSpan.FromSeconds(60),
    };

    private Task<HttpResponseMessage> SendAsync(RetryOptions retry, DateTimeOffset? now = null) =>
        new HttpPipeline(new HttpClient(_handler), retry, now is null ? null : () => now.Value)
            .SendAsync(new PingOneRequest(HttpMethod.Get, s_url), new CountingTokens(), OperationContext.Silent(), CancellationToken.None);

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, ErrorIds.Throttled)]
    [InlineData(HttpStatusCode.ServiceUnavailable, ErrorIds.ServiceUnavailable)]
    public async Task An_hour_of_retry_after_fails_at_once_saying_so(HttpStatusCode status, string errorId)
    {
        _handler.Then(status, """{"code":"REQUEST_LIMITED","message":"Slow down."}""", r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromHours(1)));

        var watch = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<PingOneApiException>(() => SendAsync(Budget()));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "took " + watch.Elapsed);
        Assert.Single(_handler.Seen);
        Assert.Equal(errorId, ex.ErrorId);
        Assert.Equal(TimeSpan.FromHours(1), ex.RetryAfter);
        Assert.InRange(ex.RetryBudgetLeft!.Value, TimeSpan.FromSeconds(55), TimeSpan.FromSeconds(60));
        Assert.Matches("failed with " + (int)status + @" \(REQUEST_LIMITED\): Slow down\. PingOne asked to wait 3600 s before trying again \(Retry-After\), more than the 5\d s left of the request's retry time budget, so it was not retried$", ex.Message);
    }

    [Fact]
    public async Task A_retry_after_date_an_hour_ahead_counts_the_same()
    {
        var now = new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
        _handler.Then(HttpStatusCode.TooManyRequests, null, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(now.AddHours(1)));

        var ex = await Assert.ThrowsAsync<PingOneApiException>(() => SendAsync(Budget(), now));

        Assert.Equal(TimeSpan.FromHours(1), ex.RetryAfter);
        Assert.Contains("PingOne asked to wait 3600 s", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retry_after_within_the_budget_is_waited_for_and_retried()
    {
        _handler.Then(HttpStatusCode.TooManyRequests, null, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(50)))
            .Then(HttpStatusCode.OK, "{}");

        using HttpResponseMessage response = await SendAsync(Budget());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _handler.Seen.Count);
    }

    [Fact]
    public async Task With_no_attempt_left_the_failure_is_the_plain_one()
    {
        _handler.Then(HttpStatusCode.TooManyRequests, null, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromHours(1)));

        var ex = await Assert.ThrowsAsync<PingOneApiException>(() => SendAsync(Budget(attempts: 1)));

        Assert.Null(ex.RetryAfter);
        Assert.DoesNotContain("Retry-After", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e300")]
    [InlineData("99999999999999999999")]
    public async Task A_retry_after_too_large_for_a_timespan_is_still_refused_cleanly(string header)
    {
        _handler.Then(HttpStatusCode.TooManyRequests, null, r => r.Headers.TryAddWithoutValidation("Retry-After", header));

        var ex = await Assert.ThrowsAsync<PingOneApiException>(() => SendAsync(Budget()));

        Assert.Equal(ErrorIds.Throttled, ex.ErrorId);
        Assert.Equal(TimeSpan.FromDays(365), ex.RetryAfter);
    }
}

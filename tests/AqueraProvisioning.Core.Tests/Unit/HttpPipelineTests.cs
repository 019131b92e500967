using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using AqueraProvisioning.Core.Tests.Support;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Unit;

public class HttpPipelineTests
{
    private static readonly Uri s_url = new("https://api.example.test/v1/environments/e/propagation/stores");

    private readonly ScriptedHandler _handler = new();
    private readonly CountingTokens _tokens = new();
    private readonly RecordingLog _log = new();

    private static RetryOptions Fast(int attempts = 5) => new()
    {
        MaxAttempts = attempts,
        BaseDelay = TimeSpan.FromMilliseconds(1),
        MaxDelay = TimeSpan.FromMilliseconds(5),
    };

    private Task<HttpResponseMessage> SendAsync(PingOneRequest request, RetryOptions? retry = null, DateTimeOffset? now = null)
    {
        var pipeline = new HttpPipeline(new HttpClient(_handler), retry ?? Fast(), now is null ? null : () => now.Value);
        return pipeline.SendAsync(request, _tokens, new OperationContext(_log, "txn-unit"), CancellationToken.None);
    }

    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task Transient_statuses_are_retried_for_safe_requests(HttpStatusCode status)
    {
        _handler.Then(status).Then(status).Then(HttpStatusCode.OK, "{}");

        using HttpResponseMessage response = await SendAsync(new PingOneRequest(HttpMethod.Get, s_url));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, _handler.Seen.Count);
        Assert.Equal(2, _log.VerboseLines.Count(l => l.StartsWith("Retrying after " + (int)status, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, ErrorIds.InvalidRequest)]
    [InlineData(HttpStatusCode.Forbidden, ErrorIds.PermissionDenied)]
    [InlineData(HttpStatusCode.NotFound, ErrorIds.NotFound)]
    [InlineData(HttpStatusCode.Conflict, ErrorIds.Conflict)]
    [InlineData(HttpStatusCode.MethodNotAllowed, ErrorIds.ApiError)]
    public async Task Client_errors_are_never_retried(HttpStatusCode status, string errorId)
    {
        _handler.Then(status, "{\"id\":\"e1\",\"code\":\"X\",\"message\":\"no\"}", r => r.Headers.Add("Correlation-Id", "corr-9"));

        var ex = await Assert.ThrowsAsync<PingOneApiException>(() => SendAsync(new PingOneRequest(HttpMethod.Put, s_url)));

        Assert.Equal(errorId, ex.ErrorId);
        Assert.Equal("corr-9", ex.CorrelationId);
        Assert.Equal("txn-unit", ex.TransactionId);
        Assert.Single(_handler.Seen);
    }

    [Fact]
    public async Task A_401_renews_the_token_once_and_repeats_the_request()
    {
        _handler.Then(HttpStatusCode.Unauthorized).Then(HttpStatusCode.OK, "{}");

        using HttpResponseMessage response = await SendAsync(new PingOneRequest(HttpMethod.Get, s_url));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new[] { "Bearer token-1", "Bearer token-2" }, _handler.Seen.Select(s => s.Authorization).ToArray());
        Assert.Equal(new[] { "token-1" }, _tokens.Invalidated);
    }

    [Fact]
    public async Task A_second_401_is_the_callers_error()
    {
        _handler.Then(HttpStatusCode.Unauthorized).Then(HttpStatusCode.Unauthorized, "{\"code\":\"INVALID_TOKEN\",\"message\":\"expired\"}");

        var ex = await Assert.ThrowsAsync<PingOneApiException>(() => SendAsync(new PingOneRequest(HttpMethod.Get, s_url)));

        Assert.Equal(ErrorIds.Unauthorized, ex.ErrorId);
        Assert.Equal(2, _handler.Seen.Count);
    }

    [Fact]
    public async Task A_401_renewal_does_not_use_up_a_retry_attempt()
    {
        _handler.Then(HttpStatusCode.ServiceUnavailable).Then(HttpStatusCode.Unauthorized).Then(HttpStatusCode.OK, "{}");

        using HttpResponseMessage response = await SendAsync(new PingOneRequest(HttpMethod.Get, s_url), Fast(attempts: 2));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    public async Task A_create_with_an_unknown_outcome_is_not_repeated_by_the_pipeline(HttpStatusCode status)
    {
        _handler.Then(status);

        var ex = await Assert.ThrowsAsync<PingOneApiException>(() => SendAsync(new PingOneRequest(HttpMethod.Post, s_url) { RetryMode = RetryMode.OnlyWhenNotProcessed }));

        Assert.True(ex.OutcomeUnknown);
        Assert.Single(_handler.Seen);
    }

    [Fact]
    public async Task A_create_that_was_throttled_is_repeated_because_it_was_never_processed()
    {
        _handler.Then(HttpStatusCode.TooManyRequests).Then(HttpStatusCode.Created, "{}");

        using HttpResponseMessage response = await SendAsync(new PingOneRequest(HttpMethod.Post, s_url) { RetryMode = RetryMode.OnlyWhenNotProcessed });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_create_whose_connection_failed_is_not_repeated()
    {
        _handler.ThenFail(new HttpRequestException("reset"));

        var ex = await Assert.ThrowsAsync<PingOneApiException>(() => SendAsync(new PingOneRequest(HttpMethod.Post, s_url) { RetryMode = RetryMode.OnlyWhenNotProcessed }));

        Assert.Equal(0, ex.StatusCode);
        Assert.Equal("CONNECTION_FAILED", ex.Code);
        Assert.IsType<HttpRequestException>(ex.InnerException);
        Assert.Single(_handler.Seen);
    }

    [Fact]
    public async Task Connection_failures_of_safe_requests_are_retried()
    {
        _handler.ThenFail(new HttpRequestException("refused")).Then(HttpStatusCode.OK, "{}");

        using HttpResponseMessage response = await SendAsync(new PingOneRequest(HttpMethod.Get, s_url));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(_log.VerboseLines, l => l.Contains("-> no response: refused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Attempts_are_bounded()
    {
        for (int i = 0; i < 3; i++)
        {
            _handler.Then(HttpStatusCode.BadGateway);
        }

        var ex = await Assert.ThrowsAsync<PingOneApiException>(() => SendAsync(new PingOneRequest(HttpMethod.Get, s_url), Fast(attempts: 3)));

        Assert.Equal(ErrorIds.ServiceUnavailable, ex.ErrorId);
        Assert.Equal(502, ex.StatusCode);
        Assert.Equal(3, _handler.Seen.Count);
    }

    [Fact]
    public async Task The_total_retry_time_is_bounded_even_when_retry_after_asks_for_more()
    {
        _handler.Then(HttpStatusCode.TooManyRequests, null, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(20)));
        var retry = new RetryOptions { MaxAttempts = 10, MaxDelay = TimeSpan.FromSeconds(30), MaxRetryDuration = TimeSpan.FromSeconds(5) };

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<PingOneApiException>(() => SendAsync(new PingOneRequest(HttpMethod.Get, s_url), retry));

        Assert.Equal(ErrorIds.Throttled, ex.ErrorId);
        Assert.True(watch.ElapsedMilliseconds < 2000, "gave up after " + watch.ElapsedMilliseconds + " ms");
        Assert.Single(_handler.Seen);
    }

    [Fact]
    public async Task Retry_after_dates_are_measured_with_the_pipeline_clock()
    {
        var now = new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
        _handler
            .Then(HttpStatusCode.ServiceUnavailable, null, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(now.AddSeconds(2)))
            .Then(HttpStatusCode.OK, "{}");
        var retry = new RetryOptions { MaxAttempts = 3, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.FromSeconds(30) };

        using HttpResponseMessage response = await SendAsync(new PingOneRequest(HttpMethod.Get, s_url), retry, now);

        Assert.Contains(_log.VerboseLines, l => l.Contains("waiting 2 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_attempt_carries_the_transaction_id_and_the_token_request_has_no_bearer()
    {
        _handler.Then(HttpStatusCode.ServiceUnavailable).Then(HttpStatusCode.OK, "{}");

        using HttpResponseMessage response = await SendAsync(new PingOneRequest(HttpMethod.Post, s_url)
        {
            Authenticated = false,
            BasicAuthorization = () => "Y2xpZW50OnNlY3JldA==",
            Body = () => "grant_type=client_credentials",
            MediaType = "application/x-www-form-urlencoded",
        });

        Assert.All(_handler.Seen, s => Assert.Equal("txn-unit", s.Transaction));
        Assert.All(_handler.Seen, s => Assert.Equal("Basic Y2xpZW50OnNlY3JldA==", s.Authorization));
        Assert.Equal(0, _tokens.Issued);
    }

    [Fact]
    public async Task Error_bodies_and_messages_are_redacted_before_they_reach_the_exception_or_the_log()
    {
        _handler.Then(HttpStatusCode.BadRequest, "{\"code\":\"INVALID_DATA\",\"message\":\"bad ACCESS_TOKEN\",\"details\":[{\"target\":\"configuration.ACCESS_TOKEN\",\"message\":\"Bearer leaked-token-123 refused\"}],\"ACCESS_TOKEN\":\"leaked-token-123\"}");

        var ex = await Assert.ThrowsAsync<PingOneApiException>(() => SendAsync(new PingOneRequest(HttpMethod.Put, s_url) { Body = () => "{\"ACCESS_TOKEN\":\"leaked-token-123\"}" }));

        Assert.True(ex.HasDetailFor("configuration.ACCESS_TOKEN"));
        Assert.DoesNotContain("leaked-token-123", ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("leaked-token-123", ex.Details.Single().Message, StringComparison.Ordinal);
        Assert.DoesNotContain("leaked-token-123", _log.AllText, StringComparison.Ordinal);
        Assert.Contains(_log.DebugLines, l => l.Contains("error body:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_oauth_error_body_fills_code_and_message()
    {
        _handler.Then(HttpStatusCode.Unauthorized, "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}");

        var ex = await Assert.ThrowsAsync<PingOneApiException>(() => SendAsync(new PingOneRequest(HttpMethod.Post, s_url) { Authenticated = false, IsTokenRequest = true }));

        Assert.Equal("invalid_client", ex.Code);
        Assert.Equal("Client authentication failed", ex.ApiMessage);
        Assert.Equal(ErrorIds.AuthenticationFailed, ex.ErrorId);
    }

    [Fact]
    public async Task A_body_that_is_not_json_still_gives_a_readable_error()
    {
        _handler.Then(HttpStatusCode.BadGateway, null, r => r.Content = new StringContent("<html>bad gateway</html>"));

        var ex = await Assert.ThrowsAsync<PingOneApiException>(() => SendAsync(new PingOneRequest(HttpMethod.Get, s_url), Fast(attempts: 1)));

        Assert.Equal(502, ex.StatusCode);
        Assert.Null(ex.Code);
        Assert.Equal("Bad Gateway (an HTML page without a title)", ex.ApiMessage);
        Assert.DoesNotContain("</html>", ex.Message, StringComparison.Ordinal);
    }
}

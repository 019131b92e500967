using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace AqueraProvisioning.Sandbox.Tests;

public sealed class FaultTests : SandboxTestBase
{
    [Fact]
    public async Task Every_third_api_request_is_throttled_with_retry_after_seconds()
    {
        await SetAsync(new JsonObject { ["throttleEveryN"] = 3, ["retryAfterSeconds"] = 2 });

        var responses = await SendSequentiallyAsync(6);

        Assert.Equal([200, 200, 429, 200, 200, 429], responses.Select(r => (int)r.StatusCode));
        Assert.Equal("2", Assert.Single(responses[2].Headers.GetValues("Retry-After")));
        Assert.Equal("REQUEST_LIMITED", Json.Text((await Json.ReadObjectAsync(responses[2]))["code"]));
    }

    [Fact]
    public async Task Retry_after_can_be_an_http_date_at_least_that_far_ahead()
    {
        await SetAsync(new JsonObject { ["throttleEveryN"] = 1, ["retryAfterSeconds"] = 3, ["retryAfterAsHttpDate"] = true });
        var sent = DateTimeOffset.UtcNow;

        using var response = await Http.GetAsync(StoresUrl);

        var date = response.Headers.RetryAfter!.Date;
        Assert.NotNull(date);
        Assert.InRange(date!.Value, sent.AddSeconds(2.5), sent.AddSeconds(5));
    }

    [Fact]
    public async Task Every_second_api_request_is_503_service_unavailable()
    {
        await SetAsync(new JsonObject { ["unavailableEveryN"] = 2 });

        var responses = await SendSequentiallyAsync(4);

        Assert.Equal([200, 503, 200, 503], responses.Select(r => (int)r.StatusCode));
        Assert.Equal("SERVICE_UNAVAILABLE", Json.Text((await Json.ReadObjectAsync(responses[1]))["code"]));
    }

    [Fact]
    public async Task Faults_apply_to_the_api_only_not_token_scim_or_control()
    {
        State.UpdateSettings(s => s with { ThrottleEveryN = 1, UnavailableEveryN = 1 });

        using var api = await Http.GetAsync(StoresUrl);
        var token = await GetTokenAsync();
        using var control = await Http.GetAsync(Info.ControlUrl + "/stats");
        using var scim = new HttpClient();
        scim.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Info.ScimBearerToken);
        using var scimResponse = await scim.GetAsync(Info.ScimUrl + "/Users");

        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.NotEmpty(token);
        Assert.Equal(HttpStatusCode.OK, control.StatusCode);
        Assert.Equal(HttpStatusCode.OK, scimResponse.StatusCode);
    }

    [Fact]
    public async Task Commit_then_fail_creates_the_store_but_answers_503()
    {
        await SetAsync(new JsonObject { ["commitThenFailCreates"] = 1 });

        using var failed = await PostJsonAsync(StoresUrl, StoreBodies.Bearer(Info, name: "first"));
        using var succeeded = await PostJsonAsync(StoresUrl, StoreBodies.Bearer(Info, name: "second"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, succeeded.StatusCode);
        Assert.Equal(["first", "second"], State.Stores.Snapshot().Select(s => s.Content.Name));
        Assert.Equal(0, State.Faults.CommitThenFailCreatesRemaining);
    }

    [Fact]
    public async Task Latency_delays_api_and_token_answers()
    {
        await SetAsync(new JsonObject { ["latencyMs"] = 300 });

        var clock = Stopwatch.StartNew();
        using var response = await Http.GetAsync(StoresUrl);
        var apiElapsed = clock.Elapsed;
        clock.Restart();
        await GetTokenAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(apiElapsed >= TimeSpan.FromMilliseconds(290), $"api answered after {apiElapsed}");
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(290), $"token answered after {clock.Elapsed}");
    }

    [Fact]
    public async Task A_cancelled_client_frees_the_server_from_the_latency_wait()
    {
        await SetAsync(new JsonObject { ["latencyMs"] = 60_000 });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Http.GetAsync(StoresUrl, cancel.Token));

        // The server logs the request once it stops waiting; with the full latency that would take a minute.
        var deadline = Stopwatch.StartNew();
        while (!State.Requests.Snapshot().Any(r => r.Status == 499) && deadline.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(20);
        }

        Assert.Contains(State.Requests.Snapshot(), r => r.Status == 499 && r.Method == "GET");
    }

    private async Task<HttpResponseMessage[]> SendSequentiallyAsync(int count)
    {
        var responses = new HttpResponseMessage[count];
        for (var i = 0; i < count; i++)
        {
            responses[i] = await Http.GetAsync(StoresUrl);
        }

        return responses;
    }
}

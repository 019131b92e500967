using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace AqueraProvisioning.Sandbox.Tests;

public sealed class DiagnosticsTests : SandboxTestBase
{
    [Fact]
    public async Task Request_log_records_what_was_asked_but_no_secret()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, StoresUrl + "?limit=5");
        request.Headers.Add("X-Ping-External-Transaction-ID", "tx-42");
        using (await Http.SendAsync(request))
        {
        }

        using var logResponse = await Http.GetAsync(Info.ControlUrl + "/requests");
        var logText = await logResponse.Content.ReadAsStringAsync();
        var entry = JsonNode.Parse(logText)!.AsArray().Last()!;

        Assert.Equal("GET", Json.Text(entry["method"]));
        Assert.Equal($"/v1/environments/{Info.EnvironmentId}/propagation/stores", Json.Text(entry["path"]));
        Assert.Equal("limit=5", Json.Text(entry["query"]));
        Assert.Equal(200, entry["status"]!.GetValue<int>());
        Assert.Equal("tx-42", Json.Text(entry["transactionId"]));
        Assert.True(entry["hasAuthorization"]!.GetValue<bool>());
        Assert.DoesNotContain(Http.DefaultRequestHeaders.Authorization!.Parameter!, logText, System.StringComparison.Ordinal);
        Assert.DoesNotContain(Info.ClientSecret, logText, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_log_shows_whether_a_state_changing_request_arrived_and_can_be_cleared()
    {
        using (var clear = await Http.DeleteAsync(Info.ControlUrl + "/requests"))
        {
            Assert.Equal(HttpStatusCode.NoContent, clear.StatusCode);
        }

        using (await Http.GetAsync(StoresUrl))
        {
        }

        Assert.DoesNotContain(State.Requests.Snapshot(), r => r.IsStateChanging);
        await CreateStoreAsync(StoreBodies.Bearer(Info));
        Assert.Contains(State.Requests.Snapshot(), r => r.IsStateChanging && r.Status == 201);
    }

    [Fact]
    public async Task A_request_that_arrived_before_a_clear_never_shows_up_after_it()
    {
        await SetAsync(new JsonObject { ["latencyMs"] = 60_000 });
        var arrivedBefore = State.Counters.Requests;
        using var cancel = new CancellationTokenSource();
        var slow = Http.GetAsync(StoresUrl, cancel.Token);
        while (State.Counters.Requests == arrivedBefore)
        {
            await Task.Delay(10);
        }

        using (await Http.DeleteAsync(Info.ControlUrl + "/requests"))
        {
        }

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<System.OperationCanceledException>(() => slow);
        await Task.Delay(300);

        Assert.Empty(State.Requests.Snapshot());
    }

    [Fact]
    public async Task Connections_are_counted_per_tcp_connection_not_per_request()
    {
        var before = State.Counters.ConnectionsOpened;
        using (var reused = new HttpClient())
        {
            reused.DefaultRequestHeaders.Authorization = Http.DefaultRequestHeaders.Authorization;
            for (var i = 0; i < 5; i++)
            {
                using var response = await reused.GetAsync(StoresUrl);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }

        Assert.Equal(before + 1, State.Counters.ConnectionsOpened);
        using var stats = await Http.GetAsync(Info.ControlUrl + "/stats");
        var body = await Json.ReadObjectAsync(stats);
        Assert.True(body["connectionsOpened"]!.GetValue<long>() >= before + 1);
        Assert.Equal(["connectionsOpened", "requests", "tokensIssued", "revisions", "stores"], body.Select(p => p.Key));
    }

    [Fact]
    public async Task Reset_clears_state_and_knobs_but_tokens_stay_valid()
    {
        await CreateStoreAsync(StoreBodies.Bearer(Info));
        using (await Http.PostAsync(RevisionsUrl, null))
        {
        }

        await SetAsync(new JsonObject { ["secrets"] = "omit", ["commitThenFailCreates"] = 3 });

        using (var reset = await ControlPostAsync("/reset"))
        {
            Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        }

        Assert.Equal(0, State.Stores.Count);
        Assert.Equal(0, State.Revisions.Count);
        Assert.Empty(State.Requests.Snapshot());
        Assert.Equal(SecretsMode.Echo, State.Settings.Secrets);
        Assert.Equal(0, State.Faults.CommitThenFailCreatesRemaining);
        using var afterReset = await Http.GetAsync(StoresUrl);
        Assert.Equal(HttpStatusCode.OK, afterReset.StatusCode);
    }

    [Theory]
    [InlineData("""{"latencyMs":5,"throttleEveryN":-1}""", "throttleEveryN")]
    [InlineData("""{"latencyMs":5,"secrets":"mask"}""", "secrets")]
    [InlineData("""{"latencyMs":5,"latency":10}""", "latency")]
    public async Task A_settings_change_with_any_bad_key_changes_nothing(string patch, string target)
    {
        using var response = await ControlPostAsync("/settings", JsonNode.Parse(patch));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(target, Json.Details(await Json.ReadObjectAsync(response)).Single().Target);
        Assert.Equal(0, State.Settings.LatencyMs);
    }

    [Fact]
    public async Task Info_endpoint_repeats_the_ready_line()
    {
        using var response = await Http.GetAsync(Info.ControlUrl + "/info");
        var info = await Json.ReadObjectAsync(response);

        Assert.Equal(Info.BaseUrl, Json.Text(info["baseUrl"]));
        Assert.Equal(Info.ClientSecret, Json.Text(info["clientSecret"]));
        Assert.Equal(Info.WorkerEnvironmentId, Json.Text(info["workerEnvironmentId"]));
        Assert.Equal(12, info.Count);
    }

    [Fact]
    public async Task Raw_insert_plants_a_store_the_api_would_refuse()
    {
        var raw = new JsonObject
        {
            ["name"] = "planted",
            ["configuration"] = new JsonObject { ["SCIM_URL"] = Info.ScimUrl, ["UNKNOWN_TO_CLIENT"] = "x" },
        };

        using var response = await ControlPostAsync("/stores", raw);
        var id = (await Json.ReadObjectAsync(response))["id"]!.GetValue<string>();
        using var read = await Http.GetAsync($"{StoresUrl}/{id}");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("x", Json.Text((await Json.ReadObjectAsync(read))["configuration"]!["UNKNOWN_TO_CLIENT"]));
    }
}

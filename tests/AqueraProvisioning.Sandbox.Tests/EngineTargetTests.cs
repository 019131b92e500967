using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace AqueraProvisioning.Sandbox.Tests;

public sealed class EngineTargetTests : EngineTestBase
{
    [Fact]
    public async Task Wrong_scim_credentials_make_the_store_failed_with_the_reason()
    {
        var outbound = await SetUpOutboundAsync(configuration => configuration["ACCESS_TOKEN"] = "not-the-token");

        await ReviseAndWaitAsync();

        var sync = await SyncStatusAsync(outbound.Target);
        Assert.Equal("FAILED", Json.Text(sync["syncState"]));
        Assert.Equal("401 Unauthorized from the SCIM service: invalid credentials", Json.Text(sync["details"]));
        Assert.Equal(4, sync["failedCount"]!.GetValue<int>());
        Assert.Equal(0, sync["successCount"]!.GetValue<int>());
        var synced = await SyncedRuleAsync("alice.anders", outbound.Rule);
        Assert.Equal("FAILED", Json.Text(synced["status"]));
        Assert.Equal("SCIM_ERROR", Json.Text(synced["details"]![0]!["code"]));
        Assert.Empty(await ScimUsersAsync());
        Assert.DoesNotContain("not-the-token", sync.ToJsonString());
    }

    [Fact]
    public async Task Fixing_the_credentials_and_revising_clears_the_failure()
    {
        var outbound = await SetUpOutboundAsync(configuration => configuration["ACCESS_TOKEN"] = "not-the-token");
        await ReviseAndWaitAsync();

        await UpdateStoreAsync(outbound.Target, store => store["configuration"]!["ACCESS_TOKEN"] = Info.ScimBearerToken);
        await ReviseAndWaitAsync();

        var sync = await SyncStatusAsync(outbound.Target);
        Assert.Equal("SYNCING", Json.Text(sync["syncState"]));
        Assert.Null(sync["details"]);
        Assert.Equal(4, sync["successCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_scim_service_that_refuses_connections_makes_the_store_failed()
    {
        var closedPort = ClosedPort();
        var outbound = await SetUpOutboundAsync(scimUrl: $"http://127.0.0.1:{closedPort}/scim/v2");

        await ReviseAndWaitAsync();

        var sync = await SyncStatusAsync(outbound.Target);
        Assert.Equal("FAILED", Json.Text(sync["syncState"]));
        Assert.Equal("connection refused", Json.Text(sync["details"]));
    }

    [Theory]
    [InlineData("html", "200 OK from the SCIM service: the answer is not SCIM JSON (Content-Type text/html)")]
    [InlineData("redirect", "302 Found from the SCIM service: a redirect, which the sandbox does not follow (the SCIM_URL may point at a sign-in page)")]
    public async Task Something_else_answering_the_scim_url_fails_the_store_after_one_request(string answer, string reason)
    {
        var outbound = await SetUpOutboundAsync();
        await SetAsync(new JsonObject { ["scimAnswer"] = answer });

        await ReviseAndWaitAsync();

        var sync = await SyncStatusAsync(outbound.Target);
        Assert.Equal("FAILED", Json.Text(sync["syncState"]));
        Assert.Equal(reason, Json.Text(sync["details"]));
        Assert.Equal(4, sync["failedCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_slow_scim_service_is_still_provisioned_within_the_timeout()
    {
        await SetAsync(new JsonObject { ["scimLatencyMs"] = 20 });
        var outbound = await SetUpOutboundAsync();

        await ReviseAndWaitAsync();

        Assert.Equal(DefaultUsers, UserNames(await ScimUsersAsync()));
        Assert.Equal("SYNCING", Json.Text((await SyncStatusAsync(outbound.Target))["syncState"]));
    }

    [Fact]
    public async Task A_scim_url_with_no_scim_service_behind_it_fails_the_store_with_the_404()
    {
        var outbound = await SetUpOutboundAsync(scimUrl: Info.BaseUrl + "/scim/v9");

        await ReviseAndWaitAsync();

        var sync = await SyncStatusAsync(outbound.Target);
        Assert.Equal("FAILED", Json.Text(sync["syncState"]));
        Assert.StartsWith("404 Not Found from the SCIM service", Json.Text(sync["details"]));
        Assert.Equal(4, sync["failedCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_engine_never_opens_a_socket_to_a_host_off_the_machine()
    {
        var outbound = await SetUpOutboundAsync(scimUrl: "https://api.aquera.io/scim/v2");
        var connectionsBefore = State.Counters.ConnectionsOpened;

        await ReviseAndWaitAsync();

        var sync = await SyncStatusAsync(outbound.Target);
        Assert.Equal("FAILED", Json.Text(sync["syncState"]));
        Assert.Equal("host api.aquera.io is not reachable from the sandbox", Json.Text(sync["details"]));
        Assert.True(State.Counters.ConnectionsOpened - connectionsBefore <= 1, "only the test's own revision call may have opened a connection");
    }

    [Fact]
    public async Task The_engine_provisions_into_another_sandboxs_scim_service_on_another_port()
    {
        await using var other = await SandboxServer.StartAsync(new SandboxOptions { Port = 0 });
        Assert.NotEqual(new System.Uri(Info.ScimUrl).Port, new System.Uri(other.Info.ScimUrl).Port);
        await SetUpOutboundAsync(scimUrl: other.Info.ScimUrl);

        await ReviseAndWaitAsync();

        Assert.Equal(DefaultUsers, UserNames(await ScimUsersAsync(other.Info)));
        Assert.Empty(await ScimUsersAsync());
    }

    [Fact]
    public async Task The_engine_works_with_a_scim_server_that_uses_plain_json_numeric_ids_and_no_meta()
    {
        using var server = new MinimalScimServer();
        var outbound = await SetUpOutboundAsync(
            configuration =>
            {
                configuration["ACCESS_TOKEN"] = MinimalScimServer.Token;
                configuration["REMOVE_ACTION"] = "Delete";
            },
            scimUrl: server.Url,
            ruleBody: body => body["groups"] = new JsonArray(new JsonObject { ["id"] = SalesGroup }));

        await ReviseAndWaitAsync();
        await PatchUserAsync("carol.chen", new JsonObject { ["title"] = "Architect", ["name"] = new JsonObject { ["given"] = "Caroline" } });
        await WaitForEngineAsync();
        using (var delete = await Http.DeleteAsync(Absolute($"users/{UserId("dave.diaz")}")))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        await WaitForEngineAsync();

        var users = server.Users;
        Assert.Equal(["alice.anders", "bob.baker", "carol.chen"], users.Select(u => Json.Text(u["userName"])).Order());
        Assert.All(users, user => Assert.Matches("^[0-9]+$", Json.Text(user["id"])));
        Assert.Equal("Caroline", Json.Text(users.Single(u => Json.Text(u["userName"]) == "carol.chen")["name"]!["givenName"]));
        Assert.DoesNotContain(server.Requests, request => request.StartsWith("PATCH", System.StringComparison.Ordinal));
        Assert.Contains(server.Requests, request => request.StartsWith("PUT /Users/", System.StringComparison.Ordinal));
        Assert.Contains(server.Requests, request => request.StartsWith("DELETE /Users/", System.StringComparison.Ordinal));

        // The service has no /Groups: the group fails, the users stand.
        var sync = await SyncStatusAsync(outbound.Target);
        Assert.Equal("SYNCING", Json.Text(sync["syncState"]));
        Assert.StartsWith("Group Sales: 404 Not Found from the SCIM service", Json.Text(sync["details"]));
        var group = await GetObjectAsync($"groups/{SalesGroup}/syncedRules/{Id(outbound.Rule)}");
        Assert.Equal("FAILED", Json.Text(group["status"]));
    }

    [Fact]
    public async Task A_scim_service_that_echoes_the_bearer_token_in_a_400_never_gets_it_into_syncstatus()
    {
        const string token = "echoed-bearer-token-4f1c";
        using var server = new MinimalScimServer(echoStatus: 400);
        var outbound = await SetUpOutboundAsync(configuration => configuration["ACCESS_TOKEN"] = token, scimUrl: server.Url);

        await ReviseAndWaitAsync();

        var sync = await SyncStatusAsync(outbound.Target);
        Assert.Equal("FAILED", Json.Text(sync["syncState"]));
        Assert.Equal("400 Bad Request from the SCIM service: Refused Bearer [redacted]", Json.Text(sync["details"]));
        Assert.DoesNotContain(token, sync.ToJsonString());
        var synced = await SyncedRuleAsync("alice.anders", outbound.Rule);
        Assert.Equal("SCIM_ERROR", Json.Text(synced["details"]![0]!["code"]));
        Assert.DoesNotContain(token, synced.ToJsonString());
    }

    [Fact]
    public async Task A_scim_service_that_echoes_basic_credentials_in_a_500_never_gets_the_pair_or_password_into_syncstatus()
    {
        const string password = "echoed-password-9b2e";
        var pair = "finance-user:" + password;
        var encoded = System.Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(pair));
        using var server = new MinimalScimServer(echoStatus: 500);
        var outbound = await SetUpOutboundAsync(
            configuration =>
            {
                configuration["AUTHENTICATION_METHOD"] = "Basic Auth";
                configuration["BASIC_AUTH_USER"] = "finance-user";
                configuration["BASIC_AUTH_PASSWORD"] = password;
                configuration.Remove("ACCESS_TOKEN");
            },
            scimUrl: server.Url);

        await ReviseAndWaitAsync();

        var sync = await SyncStatusAsync(outbound.Target);
        Assert.Equal("FAILED", Json.Text(sync["syncState"]));
        Assert.Equal(
            "500 Internal Server Error from the SCIM service: Refused Basic [redacted] as [redacted], password [redacted]",
            Json.Text(sync["details"]));
        foreach (var secret in new[] { encoded, pair, password })
        {
            Assert.DoesNotContain(secret, sync.ToJsonString());
        }
    }

    [Fact]
    public async Task A_scim_service_that_never_answers_times_out_and_wait_says_when_the_engine_is_still_busy()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        await SetAsync(new JsonObject { ["connectionCheckTimeoutMs"] = 1000 });
        var outbound = await SetUpOutboundAsync(scimUrl: $"http://127.0.0.1:{port}/scim/v2");

        using var revision = await PostRevisionAsync();
        using var busy = await ControlPostAsync("/engine/wait", new JsonObject { ["timeoutMs"] = 100 });
        await WaitForEngineAsync();

        Assert.Equal(HttpStatusCode.GatewayTimeout, busy.StatusCode);
        Assert.Equal("TIMEOUT", Json.Text((await Json.ReadObjectAsync(busy))["code"]));
        var sync = await SyncStatusAsync(outbound.Target);
        Assert.Equal("FAILED", Json.Text(sync["syncState"]));
        Assert.Equal("the SCIM service did not answer in time", Json.Text(sync["details"]));
        Assert.Equal(4, sync["failedCount"]!.GetValue<int>());
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

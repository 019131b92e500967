using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace AqueraProvisioning.Sandbox.Tests;

public sealed class TokenTests : SandboxTestBase
{
    [Fact]
    public async Task Client_secret_basic_issues_a_bearer_token_with_the_configured_lifetime()
    {
        using var client = new HttpClient();
        using var response = await client.SendAsync(TokenRequests.Basic(TokenUrl, Info.ClientId, Info.ClientSecret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json.ReadObjectAsync(response);
        Assert.Equal("Bearer", Json.Text(body["token_type"]));
        Assert.Equal(3600, body["expires_in"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(Json.Text(body["access_token"])));
    }

    [Fact]
    public async Task Client_secret_post_issues_a_token_that_the_api_accepts()
    {
        using var client = new HttpClient();
        using var tokenResponse = await client.SendAsync(TokenRequests.Post(TokenUrl, Info.ClientId, Info.ClientSecret));
        var token = Json.Text((await Json.ReadObjectAsync(tokenResponse))["access_token"]);

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var list = await client.GetAsync(StoresUrl);

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(2, State.Counters.TokensIssued); // one for the base class, one here
    }

    [Fact]
    public async Task A_token_from_the_worker_environment_manages_the_connections_environment_only()
    {
        using var client = new HttpClient();
        using var tokenResponse = await client.SendAsync(TokenRequests.Basic($"{Info.AuthUrl}/{Info.WorkerEnvironmentId}/as/token", Info.ClientId, Info.ClientSecret));
        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        var token = Json.Text((await Json.ReadObjectAsync(tokenResponse))["access_token"]);

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var managed = await client.GetAsync(StoresUrl);
        using var workerOwn = await client.GetAsync($"{Info.ApiUrl}/environments/{Info.WorkerEnvironmentId}/propagation/stores");

        Assert.Equal(HttpStatusCode.OK, managed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, workerOwn.StatusCode);
        Assert.NotEqual(Info.EnvironmentId, Info.WorkerEnvironmentId);
    }

    [Fact]
    public async Task Wrong_secret_is_401_invalid_client_in_either_style()
    {
        using var client = new HttpClient();
        using var basic = await client.SendAsync(TokenRequests.Basic(TokenUrl, Info.ClientId, "wrong"));
        using var post = await client.SendAsync(TokenRequests.Post(TokenUrl, Info.ClientId, "wrong"));

        foreach (var response in new[] { basic, post })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("invalid_client", Json.Text((await Json.ReadObjectAsync(response))["error"]));
        }
    }

    [Fact]
    public async Task Other_grant_types_are_400_unsupported_grant_type()
    {
        using var client = new HttpClient();
        using var response = await client.SendAsync(TokenRequests.Basic(TokenUrl, Info.ClientId, Info.ClientSecret, "password"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unsupported_grant_type", Json.Text((await Json.ReadObjectAsync(response))["error"]));
    }

    [Fact]
    public async Task Unknown_environment_is_404_with_a_pingone_error_body()
    {
        using var client = new HttpClient();
        var url = $"{Info.AuthUrl}/00000000-0000-0000-0000-000000000001/as/token";
        using var response = await client.SendAsync(TokenRequests.Basic(url, Info.ClientId, Info.ClientSecret));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NOT_FOUND", Json.Text((await Json.ReadObjectAsync(response))["code"]));
    }

    [Fact]
    public async Task A_token_issued_under_a_zero_lifetime_is_rejected_as_expired()
    {
        await SetAsync(new JsonObject { ["tokenLifetimeSeconds"] = 0 });
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await GetTokenAsync());

        using var response = await Http.GetAsync(StoresUrl);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await Json.ReadObjectAsync(response);
        Assert.Equal("INVALID_TOKEN", Json.Text(body["code"]));
        Assert.Contains("expired", Json.Text(body["message"]), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expiring_all_tokens_forces_renewal_and_a_new_token_works()
    {
        using (var before = await Http.GetAsync(StoresUrl))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using (var expire = await ControlPostAsync("/tokens/expire"))
        {
            Assert.Equal(HttpStatusCode.NoContent, expire.StatusCode);
        }

        using (var expired = await Http.GetAsync(StoresUrl))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        }

        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await GetTokenAsync());
        using var renewed = await Http.GetAsync(StoresUrl);
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
    }
}

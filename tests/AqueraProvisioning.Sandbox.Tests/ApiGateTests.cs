using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Xunit;

namespace AqueraProvisioning.Sandbox.Tests;

public sealed class ApiGateTests : SandboxTestBase
{
    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token-the-sandbox-issued")]
    public async Task Missing_or_unknown_bearer_token_is_401_invalid_token(string? token)
    {
        using var client = new HttpClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.GetAsync(StoresUrl);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await Json.ReadObjectAsync(response);
        Assert.Equal("INVALID_TOKEN", Json.Text(body["code"]));
        Assert.True(Guid.TryParse(Json.Text(body["id"]), out _));
    }

    [Fact]
    public async Task Unknown_environment_is_404_not_found()
    {
        using var response = await Http.GetAsync($"{Info.ApiUrl}/environments/{Guid.NewGuid()}/propagation/stores");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NOT_FOUND", Json.Text((await Json.ReadObjectAsync(response))["code"]));
    }

    [Fact]
    public async Task Every_response_carries_a_fresh_correlation_id()
    {
        using var first = await Http.GetAsync(StoresUrl);
        using var second = await Http.GetAsync(StoresUrl + "/" + Guid.NewGuid());

        var firstId = Assert.Single(first.Headers.GetValues("Correlation-Id"));
        var secondId = Assert.Single(second.Headers.GetValues("Correlation-Id"));
        Assert.True(Guid.TryParse(firstId, out _));
        Assert.NotEqual(firstId, secondId);
    }

    [Fact]
    public async Task Unsupported_method_still_gets_a_pingone_error_body()
    {
        using var response = await Http.PatchAsync(StoresUrl, null);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("METHOD_NOT_ALLOWED", Json.Text((await Json.ReadObjectAsync(response))["code"]));
    }
}

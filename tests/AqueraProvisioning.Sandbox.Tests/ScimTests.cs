using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace AqueraProvisioning.Sandbox.Tests;

public sealed class ScimTests : SandboxTestBase
{
    private AuthenticationHeaderValue BearerAuth => ScimCalls.Bearer(Info);

    [Fact]
    public async Task Missing_or_wrong_credentials_get_a_scim_401()
    {
        using var missing = await ScimAsync(HttpMethod.Get, "/ServiceProviderConfig", null);
        using var wrong = await ScimAsync(HttpMethod.Get, "/Users", Basic(Info.ScimUser, "nope"));

        foreach (var response in new[] { missing, wrong })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/scim+json", response.Content.Headers.ContentType!.MediaType);
            var body = await Json.ReadObjectAsync(response);
            Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", Json.Text(body["schemas"]![0]));
            Assert.Equal("401", Json.Text(body["status"]));
        }
    }

    [Fact]
    public async Task Service_provider_config_lists_basic_and_bearer_for_either_credential()
    {
        using var viaBearer = await ScimAsync(HttpMethod.Get, "/ServiceProviderConfig", BearerAuth);
        using var viaBasic = await ScimAsync(HttpMethod.Get, "/ServiceProviderConfig", Basic(Info.ScimUser, Info.ScimPassword));

        Assert.Equal(HttpStatusCode.OK, viaBasic.StatusCode);
        var config = await Json.ReadObjectAsync(viaBearer);
        Assert.Equal(["httpbasic", "oauthbearertoken"], config["authenticationSchemes"]!.AsArray().Select(s => Json.Text(s!["type"])));
        Assert.False(config["patch"]!["supported"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Rotated_basic_credentials_replace_the_old_ones()
    {
        await SetAsync(new JsonObject { ["scimUser"] = "new-user", ["scimPassword"] = "new-password" });

        using var old = await ScimAsync(HttpMethod.Get, "/Users", Basic(Info.ScimUser, Info.ScimPassword));
        using var rotated = await ScimAsync(HttpMethod.Get, "/Users", Basic("new-user", "new-password"));

        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
    }

    [Fact]
    public async Task Users_can_be_created_read_filtered_and_paged()
    {
        string? firstId = null;
        foreach (var name in new[] { "ada", "grace", "alan" })
        {
            using var created = await ScimAsync(HttpMethod.Post, "/Users", BearerAuth, new JsonObject { ["userName"] = name });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            firstId ??= Json.Text((await Json.ReadObjectAsync(created))["id"]);
        }

        using var duplicate = await ScimAsync(HttpMethod.Post, "/Users", BearerAuth, new JsonObject { ["userName"] = "GRACE" });
        using var read = await ScimAsync(HttpMethod.Get, $"/Users/{firstId}", BearerAuth);
        using var filtered = await ScimAsync(HttpMethod.Get, "/Users?filter=" + Uri.EscapeDataString("userName eq \"grace\""), BearerAuth);
        using var paged = await ScimAsync(HttpMethod.Get, "/Users?startIndex=2&count=1", BearerAuth);
        using var badFilter = await ScimAsync(HttpMethod.Get, "/Users?filter=" + Uri.EscapeDataString("name.givenName sw \"A\""), BearerAuth);

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal("ada", Json.Text((await Json.ReadObjectAsync(read))["userName"]));
        var filteredBody = await Json.ReadObjectAsync(filtered);
        Assert.Equal(1, filteredBody["totalResults"]!.GetValue<int>());
        Assert.Equal("grace", Json.Text(filteredBody["Resources"]![0]!["userName"]));
        var page = await Json.ReadObjectAsync(paged);
        Assert.Equal(3, page["totalResults"]!.GetValue<int>());
        Assert.Equal(2, page["startIndex"]!.GetValue<int>());
        Assert.Equal(1, page["itemsPerPage"]!.GetValue<int>());
        Assert.Equal("grace", Json.Text(page["Resources"]![0]!["userName"]));
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);
    }

    private static AuthenticationHeaderValue Basic(string user, string password) => ScimCalls.Basic(user, password);

    private Task<HttpResponseMessage> ScimAsync(HttpMethod method, string path, AuthenticationHeaderValue? authorization, JsonObject? body = null) =>
        ScimCalls.SendAsync(Info, method, path, authorization, body);
}

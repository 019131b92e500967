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

    [Theory]
    [InlineData("html", 200, "text/html")]
    [InlineData("nonScim", 200, "application/json")]
    public async Task The_scim_answer_knob_makes_something_else_answer_before_authentication(string answer, int status, string mediaType)
    {
        await SetAsync(new JsonObject { ["scimAnswer"] = answer });

        using var response = await ScimAsync(HttpMethod.Get, "/ServiceProviderConfig", null);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("urn:ietf:params:scim", text, StringComparison.Ordinal);
        if (answer == "html")
        {
            Assert.Contains("<title>Sign in", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_redirect_answer_points_to_a_sign_in_page_on_another_host()
    {
        await SetAsync(new JsonObject { ["scimAnswer"] = "redirect" });
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, Info.ScimUrl + "/Users");
        request.Headers.Authorization = BearerAuth;

        using var response = await noRedirects.SendAsync(request);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("sso.sandbox.invalid", response.Headers.Location!.Host);
        Assert.NotEqual(new Uri(Info.ScimUrl).Host, response.Headers.Location.Host);
    }

    [Fact]
    public async Task Scim_latency_delays_every_scim_answer_and_normal_restores_the_service()
    {
        await SetAsync(new JsonObject { ["scimLatencyMs"] = 400, ["scimAnswer"] = "normal" });

        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var response = await ScimAsync(HttpMethod.Get, "/ServiceProviderConfig", BearerAuth);

        Assert.True(watch.ElapsedMilliseconds >= 350, $"answered after {watch.ElapsedMilliseconds} ms");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_scim_answer_is_refused_and_changes_nothing()
    {
        using var response = await ControlPostAsync("/settings", new JsonObject { ["scimAnswer"] = "teapot", ["scimLatencyMs"] = 5 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ScimAnswerMode.Normal, State.Settings.ScimAnswer);
        Assert.Equal(0, State.Settings.ScimLatencyMs);
    }

    private static AuthenticationHeaderValue Basic(string user, string password) => ScimCalls.Basic(user, password);

    private Task<HttpResponseMessage> ScimAsync(HttpMethod method, string path, AuthenticationHeaderValue? authorization, JsonObject? body = null) =>
        ScimCalls.SendAsync(Info, method, path, authorization, body);
}

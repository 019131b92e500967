using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace AqueraProvisioning.Sandbox.Tests;

public sealed class SecretsTests : SandboxTestBase
{
    [Fact]
    public async Task Echo_mode_returns_secrets_as_stored()
    {
        var created = await CreateStoreAsync(StoreBodies.Bearer(Info));

        Assert.Equal(Info.ScimBearerToken, Json.Text(created["configuration"]!["ACCESS_TOKEN"]));
    }

    [Fact]
    public async Task Omit_mode_leaves_secrets_out_of_every_response_but_keeps_them()
    {
        await SetAsync(new JsonObject { ["secrets"] = "omit" });
        var bearer = await CreateStoreAsync(StoreBodies.Bearer(Info));
        var basic = await CreateStoreAsync(StoreBodies.Basic(Info));
        using var get = await Http.GetAsync($"{StoresUrl}/{IdOf(bearer)}");
        using var list = await Http.GetAsync(StoresUrl);
        using var put = await PutJsonAsync($"{StoresUrl}/{IdOf(basic)}", StoreBodies.Basic(Info));

        foreach (var text in new[]
        {
            bearer.ToJsonString(), basic.ToJsonString(), await get.Content.ReadAsStringAsync(),
            await list.Content.ReadAsStringAsync(), await put.Content.ReadAsStringAsync(),
        })
        {
            Assert.DoesNotContain("ACCESS_TOKEN", text, System.StringComparison.Ordinal);
            Assert.DoesNotContain("BASIC_AUTH_PASSWORD", text, System.StringComparison.Ordinal);
            Assert.Contains("SCIM_URL", text, System.StringComparison.Ordinal);
        }

        Assert.Equal(Info.ScimBearerToken, State.Stores.Find(IdOf(bearer))!.Content.ConfigurationString("ACCESS_TOKEN"));
        using var whiteBox = await Http.GetAsync($"{Info.ControlUrl}/stores/{IdOf(basic)}");
        Assert.Equal(Info.ScimPassword, Json.Text((await Json.ReadObjectAsync(whiteBox))["configuration"]!["BASIC_AUTH_PASSWORD"]));
    }

    [Theory]
    [InlineData(false, "configuration.ACCESS_TOKEN")]
    [InlineData(true, "configuration.BASIC_AUTH_PASSWORD")]
    public async Task Put_without_the_secret_a_get_omitted_is_refused_and_changes_nothing(bool basicAuth, string target)
    {
        await SetAsync(new JsonObject { ["secrets"] = "omit" });
        var created = await CreateStoreAsync(basicAuth ? StoreBodies.Basic(Info) : StoreBodies.Bearer(Info));
        var before = State.Stores.Find(IdOf(created));

        // The naive toggle: GET, flip status, PUT back what GET returned.
        created["status"] = "ACTIVE";
        using var put = await PutJsonAsync($"{StoresUrl}/{IdOf(created)}", created);

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal([("REQUIRED_VALUE", target)], Json.Details(await Json.ReadObjectAsync(put)));
        Assert.Same(before, State.Stores.Find(IdOf(created)));
    }
}

using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace AqueraProvisioning.Sandbox.Tests;

public sealed class StoreMetadataTests : SandboxTestBase
{
    private string AqueraUrl => Absolute("propagation/storeMetadata/Aquera");

    [Fact]
    public async Task Aquera_static_metadata_lists_the_contracts_target_attributes_and_two_connection_profiles()
    {
        using var response = await PostJsonAsync(AqueraUrl, new JsonObject());
        var body = await Json.ReadObjectAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Aquera", Json.Text(body["information"]!["name"]));
        Assert.Equal(["Basic Auth", "OAuth Bearer Token"], body["connectionProfiles"]!.AsArray().Select(p => Json.Text(p!["name"])));
        var attributes = body["attributeMetadata"]!["userAttributes"]!.AsArray();
        var userName = attributes.Single(a => Json.Text(a!["name"]) == "userName")!;
        Assert.True(userName["required"]!.GetValue<bool>());
        Assert.Contains("emails[type eq \"work\"].value", attributes.Select(a => Json.Text(a!["name"])));
        Assert.Contains("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value", attributes.Select(a => Json.Text(a!["name"])));
        Assert.Contains("CREATE_USERS", body["attributeMetadata"]!["capabilities"]!.AsArray().Select(c => Json.Text(c)));
    }

    [Fact]
    public async Task Directory_metadata_lists_the_pingone_user_attribute_paths()
    {
        var body = await Json.ReadObjectAsync(await PostJsonAsync(Absolute("propagation/storeMetadata/directory"), new JsonObject()));

        var names = body["attributeMetadata"]!["userAttributes"]!.AsArray().Select(a => Json.Text(a!["name"])).ToArray();
        Assert.Equal("username", names[0]);
        Assert.Contains("name.given", names);
        Assert.Contains("population.id", names);
        Assert.Contains("accountId", names);
    }

    [Fact]
    public async Task The_shape_knob_turns_user_attributes_into_a_map()
    {
        await SetAsync(new JsonObject { ["storeMetadataShape"] = "map" });

        var body = await Json.ReadObjectAsync(await PostJsonAsync(AqueraUrl, new JsonObject()));

        var map = body["attributeMetadata"]!["userAttributes"]!.AsObject();
        Assert.True(map["userName"]!["required"]!.GetValue<bool>());
        Assert.Equal("string", Json.Text(map["name.givenName"]!["type"]));
    }

    [Fact]
    public async Task Store_metadata_paths_are_case_sensitive_and_need_a_body()
    {
        using var lower = await PostJsonAsync(Absolute("propagation/storeMetadata/aquera"), new JsonObject());
        using var empty = await Http.PostAsync(AqueraUrl, new System.Net.Http.StringContent(string.Empty, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, lower.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Theory]
    [InlineData("any", true, true)]
    [InlineData("wrapped", true, false)]
    [InlineData("flat", false, true)]
    public async Task A_configuration_asks_the_scim_service_for_its_schemas_in_the_shapes_the_knob_allows(string setting, bool wrappedOk, bool flatOk)
    {
        await SetAsync(new JsonObject { ["storeMetadataBody"] = setting });
        var configuration = (JsonObject)StoreBodies.Bearer(Info)["configuration"]!;

        using var wrapped = await PostJsonAsync(AqueraUrl, new JsonObject { ["type"] = "Aquera", ["configuration"] = configuration.DeepClone() });
        using var flat = await PostJsonAsync(AqueraUrl, (JsonObject)configuration.DeepClone());

        foreach (var (response, ok) in new[] { (wrapped, wrappedOk), (flat, flatOk) })
        {
            var body = await Json.ReadObjectAsync(response);
            if (ok)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.True(body["information"]!["dynamic"]!.GetValue<bool>());
                Assert.Contains("profileUrl", body["attributeMetadata"]!["userAttributes"]!.AsArray().Select(a => Json.Text(a!["name"])));
            }
            else
            {
                Assert.Equal([("INVALID_VALUE", "configuration")], Json.Details(body));
            }
        }
    }

    [Fact]
    public async Task Dynamic_metadata_with_wrong_credentials_is_400_naming_the_scim_url()
    {
        var configuration = (JsonObject)StoreBodies.Bearer(Info, token: "wrong")["configuration"]!;

        using var response = await PostJsonAsync(AqueraUrl, new JsonObject { ["type"] = "Aquera", ["configuration"] = configuration.DeepClone() });
        var error = await Json.ReadObjectAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([("INVALID_VALUE", "configuration.SCIM_URL")], Json.Details(error));
        Assert.Contains("401 Unauthorized from the SCIM service: invalid credentials", Json.Text(error["message"]));
        Assert.DoesNotContain("wrong", error.ToJsonString());
    }

    [Fact]
    public async Task Dynamic_metadata_from_a_scim_service_that_echoes_the_token_is_400_without_the_token()
    {
        const string token = "echoed-metadata-token-7d3a";
        using var server = new MinimalScimServer(echoStatus: 400);
        var configuration = (JsonObject)StoreBodies.Bearer(Info, token: token)["configuration"]!;
        configuration["SCIM_URL"] = server.Url;

        using var response = await PostJsonAsync(AqueraUrl, configuration);
        var error = await Json.ReadObjectAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("400 Bad Request from the SCIM service: Refused Bearer [redacted]", Json.Text(error["message"]));
        Assert.DoesNotContain(token, error.ToJsonString());
    }

    [Fact]
    public async Task Dynamic_metadata_never_calls_a_host_off_the_machine()
    {
        var configuration = (JsonObject)StoreBodies.Bearer(Info)["configuration"]!;
        configuration["SCIM_URL"] = "https://api.aquera.io/scim/v2";

        using var response = await PostJsonAsync(AqueraUrl, configuration);

        Assert.Contains("host api.aquera.io is not reachable from the sandbox", Json.Text((await Json.ReadObjectAsync(response))["message"]));
    }

    [Fact]
    public async Task A_bad_configuration_is_validated_like_a_store()
    {
        using var response = await PostJsonAsync(AqueraUrl, new JsonObject { ["configuration"] = new JsonObject { ["SCIM_URL"] = "not a url" } });

        Assert.Equal(
            [("REQUIRED_VALUE", "configuration.AUTHENTICATION_METHOD"), ("INVALID_VALUE", "configuration.SCIM_URL")],
            Json.Details(await Json.ReadObjectAsync(response)));
    }
}

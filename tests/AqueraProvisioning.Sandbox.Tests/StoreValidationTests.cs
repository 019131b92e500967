using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace AqueraProvisioning.Sandbox.Tests;

public sealed class StoreValidationTests : SandboxTestBase
{
    /// <summary>One change to a valid bearer store, and the single detail it must produce.</summary>
    public static TheoryData<string, string?, string, string> SingleFieldViolations => new()
    {
        { "name", null, "REQUIRED_VALUE", "name" },
        { "name", "\"  \"", "INVALID_VALUE", "name" },
        { "name", "\"" + new string('n', 257) + "\"", "INVALID_VALUE", "name" },
        { "name", "42", "INVALID_VALUE", "name" },
        { "type", null, "REQUIRED_VALUE", "type" },
        { "type", "\"aquera\"", "INVALID_VALUE", "type" },
        { "status", "\"ENABLED\"", "INVALID_VALUE", "status" },
        { "managed", "\"true\"", "INVALID_VALUE", "managed" },
        { "configuration", null, "REQUIRED_VALUE", "configuration" },
        { "configuration", "\"SCIM_URL=x\"", "INVALID_VALUE", "configuration" },
        { "configuration.SCIM_URL", null, "REQUIRED_VALUE", "configuration.SCIM_URL" },
        { "configuration.SCIM_URL", "\"api.aquera.io/scim\"", "INVALID_VALUE", "configuration.SCIM_URL" },
        { "configuration.SCIM_URL", "\"ftp://api.aquera.io/scim\"", "INVALID_VALUE", "configuration.SCIM_URL" },
        { "configuration.AUTHENTICATION_METHOD", null, "REQUIRED_VALUE", "configuration.AUTHENTICATION_METHOD" },
        { "configuration.AUTHENTICATION_METHOD", "\"Bearer Token\"", "INVALID_VALUE", "configuration.AUTHENTICATION_METHOD" },
        { "configuration.ACCESS_TOKEN", null, "REQUIRED_VALUE", "configuration.ACCESS_TOKEN" },
        { "configuration.ACCESS_TOKEN", "\"\"", "INVALID_VALUE", "configuration.ACCESS_TOKEN" },
        { "configuration.CREATE_USERS", "\"true\"", "INVALID_VALUE", "configuration.CREATE_USERS" },
        { "configuration.UPDATE_USERS", "1", "INVALID_VALUE", "configuration.UPDATE_USERS" },
        { "configuration.disableNewUsers", "\"no\"", "INVALID_VALUE", "configuration.disableNewUsers" },
        { "configuration.REMOVE_ACTION", "\"Remove\"", "INVALID_VALUE", "configuration.REMOVE_ACTION" },
        { "configuration.GROUP_NAME_SOURCE", "\"CN\"", "INVALID_VALUE", "configuration.GROUP_NAME_SOURCE" },
        { "configuration.OAUTH_ACCESS_TOKEN", "\"belongs-to-the-scim-type\"", "INVALID_VALUE", "configuration.OAUTH_ACCESS_TOKEN" },
    };

    [Theory]
    [MemberData(nameof(SingleFieldViolations))]
    public async Task Each_rule_names_its_field_and_nothing_else(string path, string? json, string code, string target)
    {
        using var response = await PostJsonAsync(StoresUrl, StoreBodies.Bearer(Info).With(path, json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await Json.ReadObjectAsync(response);
        Assert.Equal("INVALID_DATA", Json.Text(error["code"]));
        Assert.Equal([(code, target)], Json.Details(error));
        Assert.Equal(0, State.Stores.Count);
    }

    [Fact]
    public async Task Name_of_exactly_256_characters_is_accepted()
    {
        await CreateStoreAsync(StoreBodies.Bearer(Info, name: new string('n', 256)));

        Assert.Equal(1, State.Stores.Count);
    }

    [Fact]
    public async Task Several_invalid_fields_give_one_detail_each()
    {
        var body = StoreBodies.Bearer(Info)
            .With("name", null)
            .With("status", "\"on\"")
            .With("configuration.SCIM_URL", "\"not a url\"")
            .With("configuration.CREATE_USERS", "\"yes\"")
            .With("configuration.MYSTERY", "1");

        using var response = await PostJsonAsync(StoresUrl, body);

        Assert.Equal(
            [
                ("INVALID_VALUE", "configuration.CREATE_USERS"),
                ("INVALID_VALUE", "configuration.MYSTERY"),
                ("INVALID_VALUE", "configuration.SCIM_URL"),
                ("REQUIRED_VALUE", "name"),
                ("INVALID_VALUE", "status"),
            ],
            Json.Details(await Json.ReadObjectAsync(response)));
    }

    [Fact]
    public async Task Basic_auth_requires_user_and_password_but_not_a_token()
    {
        var body = StoreBodies.Basic(Info).With("configuration.BASIC_AUTH_USER", null).With("configuration.BASIC_AUTH_PASSWORD", null);

        using var response = await PostJsonAsync(StoresUrl, body);

        Assert.Equal(
            [("REQUIRED_VALUE", "configuration.BASIC_AUTH_PASSWORD"), ("REQUIRED_VALUE", "configuration.BASIC_AUTH_USER")],
            Json.Details(await Json.ReadObjectAsync(response)));
    }

    [Theory]
    [InlineData(false, 201)]
    [InlineData(true, 400)]
    public async Task A_bearer_store_without_the_basic_keys_is_refused_only_when_the_knob_takes_the_spec_at_its_word(bool required, int status)
    {
        await SetAsync(new JsonObject { ["bearerRequiresBasicKeys"] = required });

        using var create = await PostJsonAsync(StoresUrl, StoreBodies.Bearer(Info));
        using var check = await CheckConnectionAsync(StoreBodies.Bearer(Info));

        Assert.Equal(status, (int)create.StatusCode);
        Assert.Equal(status == 201 ? 200 : 400, (int)check.StatusCode);
        if (required)
        {
            foreach (var response in new[] { create, check })
            {
                var error = await Json.ReadObjectAsync(response);
                Assert.Equal("INVALID_DATA", Json.Text(error["code"]));
                Assert.Equal([("REQUIRED_VALUE", "configuration.BASIC_AUTH_PASSWORD"), ("REQUIRED_VALUE", "configuration.BASIC_AUTH_USER")], Json.Details(error));
            }
        }
    }

    [Fact]
    public async Task With_the_knob_empty_basic_keys_pass_on_create_replace_and_check_and_basic_auth_is_unchanged()
    {
        await SetAsync(new JsonObject { ["bearerRequiresBasicKeys"] = true });
        JsonObject Bearer() => StoreBodies.Bearer(Info).With("configuration.BASIC_AUTH_USER", "\"\"").With("configuration.BASIC_AUTH_PASSWORD", "\"\"");

        var created = await CreateStoreAsync(Bearer());
        using var replaced = await PutJsonAsync($"{StoresUrl}/{IdOf(created)}", Bearer());
        using var replacedWithout = await PutJsonAsync($"{StoresUrl}/{IdOf(created)}", StoreBodies.Bearer(Info));
        using var check = await CheckConnectionAsync(Bearer());
        using var basic = await PostJsonAsync(StoresUrl, StoreBodies.Basic(Info));
        using var basicEmpty = await PostJsonAsync(StoresUrl, StoreBodies.Basic(Info, password: ""));

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, replacedWithout.StatusCode);
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Equal(HttpStatusCode.Created, basic.StatusCode);
        Assert.Equal([("INVALID_VALUE", "configuration.BASIC_AUTH_PASSWORD")], Json.Details(await Json.ReadObjectAsync(basicEmpty)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Status_active_on_create_is_refused_only_with_the_knob_and_a_replace_still_takes_it(bool refuse)
    {
        await SetAsync(new JsonObject { ["refuseActiveOnCreate"] = refuse });

        using var active = await PostJsonAsync(StoresUrl, StoreBodies.Bearer(Info).With("status", "\"ACTIVE\""));
        var inactive = await CreateStoreAsync(StoreBodies.Bearer(Info).With("status", "\"INACTIVE\""));
        using var enable = await PutJsonAsync($"{StoresUrl}/{IdOf(inactive)}", StoreBodies.Bearer(Info).With("status", "\"ACTIVE\""));
        using var check = await CheckConnectionAsync(StoreBodies.Bearer(Info).With("status", "\"ACTIVE\""));

        Assert.Equal(refuse ? HttpStatusCode.BadRequest : HttpStatusCode.Created, active.StatusCode);
        if (refuse)
        {
            var error = await Json.ReadObjectAsync(active);
            Assert.Equal([("INVALID_VALUE", "status")], Json.Details(error));
            Assert.Equal(["INACTIVE"], error["details"]![0]!["innerError"]!["allowedValues"]!.AsArray().Select(v => Json.Text(v)));
        }

        Assert.Equal(HttpStatusCode.OK, enable.StatusCode);
        Assert.Equal("ACTIVE", Json.Text((await Json.ReadObjectAsync(enable))["status"]));
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
    }

    [Fact]
    public async Task Malformed_json_is_400_invalid_request()
    {
        using var response = await Http.PostAsync(StoresUrl, new System.Net.Http.StringContent("{\"name\":", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_REQUEST", Json.Text((await Json.ReadObjectAsync(response))["code"]));
    }

    [Fact]
    public async Task Other_store_types_accept_any_configuration_object()
    {
        var body = new JsonObject { ["name"] = "Directory", ["type"] = "directory", ["configuration"] = new JsonObject { ["ANY"] = 1 } };

        await CreateStoreAsync(body);
    }
}

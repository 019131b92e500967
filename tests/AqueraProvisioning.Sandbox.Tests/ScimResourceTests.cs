using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace AqueraProvisioning.Sandbox.Tests;

public sealed class ScimResourceTests : SandboxTestBase
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    [Fact]
    public async Task A_user_keeps_active_emails_name_and_enterprise_attributes_as_given()
    {
        var user = await CreateUserAsync(new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User", Enterprise),
            ["userName"] = "ada",
            ["active"] = true,
            ["name"] = new JsonObject { ["givenName"] = "Ada", ["familyName"] = "Lovelace" },
            ["emails"] = new JsonArray(new JsonObject { ["type"] = "work", ["value"] = "ada@example.com", ["primary"] = true }),
            [Enterprise] = new JsonObject { ["employeeNumber"] = "42", ["manager"] = new JsonObject { ["value"] = "boss" } },
        });

        var read = await Json.ReadObjectAsync(await SendAsync(HttpMethod.Get, $"/Users/{Id(user)}"));

        Assert.Equal(["urn:ietf:params:scim:schemas:core:2.0:User", Enterprise], read["schemas"]!.AsArray().Select(s => Json.Text(s)));
        Assert.True(read["active"]!.GetValue<bool>());
        Assert.Equal("Lovelace", Json.Text(read["name"]!["familyName"]));
        Assert.Equal("ada@example.com", Json.Text(read["emails"]![0]!["value"]));
        Assert.Equal("42", Json.Text(read[Enterprise]!["employeeNumber"]));
        Assert.Equal("User", Json.Text(read["meta"]!["resourceType"]));
        Assert.Equal($"{Info.ScimUrl}/Users/{Id(user)}", Json.Text(read["meta"]!["location"]));
    }

    [Fact]
    public async Task Put_replaces_the_whole_user_and_keeps_the_id_and_created()
    {
        var user = await CreateUserAsync(new JsonObject { ["userName"] = "ada", ["title"] = "Countess", ["active"] = true });

        using var put = await SendAsync(HttpMethod.Put, $"/Users/{Id(user)}", new JsonObject { ["id"] = "ignored", ["userName"] = "ada.l", ["active"] = false });
        var replaced = await Json.ReadObjectAsync(put);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(Id(user), Json.Text(replaced["id"]));
        Assert.Equal("ada.l", Json.Text(replaced["userName"]));
        Assert.False(replaced["active"]!.GetValue<bool>());
        Assert.Null(replaced["title"]);
        Assert.Equal(Json.Text(user["meta"]!["created"]), Json.Text(replaced["meta"]!["created"]));
        Assert.Equal("false", State.Scim.FindUser("ADA.L")!.Attribute("active"));
    }

    [Fact]
    public async Task Put_to_a_taken_user_name_is_409_and_put_to_an_unknown_id_is_404()
    {
        var ada = await CreateUserAsync(new JsonObject { ["userName"] = "ada" });
        await CreateUserAsync(new JsonObject { ["userName"] = "grace" });

        using var taken = await SendAsync(HttpMethod.Put, $"/Users/{Id(ada)}", new JsonObject { ["userName"] = "Grace" });
        using var unknown = await SendAsync(HttpMethod.Put, $"/Users/{Guid.NewGuid():N}", new JsonObject { ["userName"] = "x" });

        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal("uniqueness", Json.Text((await Json.ReadObjectAsync(taken))["scimType"]));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", Json.Text((await Json.ReadObjectAsync(unknown))["schemas"]![0]));
    }

    [Fact]
    public async Task Delete_answers_204_then_404_and_takes_the_user_out_of_its_groups()
    {
        var ada = await CreateUserAsync(new JsonObject { ["userName"] = "ada" });
        var group = await CreateGroupAsync("Sales", Id(ada));

        using var delete = await SendAsync(HttpMethod.Delete, $"/Users/{Id(ada)}");
        using var again = await SendAsync(HttpMethod.Get, $"/Users/{Id(ada)}");
        var groupAfter = await Json.ReadObjectAsync(await SendAsync(HttpMethod.Get, $"/Groups/{Id(group)}"));

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Empty(groupAfter["members"]!.AsArray());
    }

    [Theory]
    [InlineData("/Users")]
    [InlineData("/Groups")]
    public async Task Patch_answers_501_with_a_scim_error(string endpoint)
    {
        var created = endpoint == "/Users" ? await CreateUserAsync(new JsonObject { ["userName"] = "ada" }) : await CreateGroupAsync("Sales");

        using var response = await SendAsync(HttpMethod.Patch, $"{endpoint}/{Id(created)}", new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
            ["Operations"] = new JsonArray(new JsonObject { ["op"] = "replace", ["path"] = "active", ["value"] = false }),
        });

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        var error = await Json.ReadObjectAsync(response);
        Assert.Equal("501", Json.Text(error["status"]));
        Assert.Equal("application/scim+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Groups_are_created_found_by_display_name_replaced_and_deleted()
    {
        var ada = await CreateUserAsync(new JsonObject { ["userName"] = "ada" });
        var grace = await CreateUserAsync(new JsonObject { ["userName"] = "grace" });
        var group = await CreateGroupAsync("Sales", Id(ada));

        var found = await Json.ReadObjectAsync(await SendAsync(HttpMethod.Get, "/Groups?filter=" + Uri.EscapeDataString("displayName eq \"sales\"")));
        using var duplicate = await SendAsync(HttpMethod.Post, "/Groups", new JsonObject { ["displayName"] = "SALES" });
        using var put = await SendAsync(HttpMethod.Put, $"/Groups/{Id(group)}", GroupBody("Sales", Id(grace)));
        var adaAfter = await Json.ReadObjectAsync(await SendAsync(HttpMethod.Get, $"/Users/{Id(ada)}"));
        var graceAfter = await Json.ReadObjectAsync(await SendAsync(HttpMethod.Get, $"/Users/{Id(grace)}"));
        using var badFilter = await SendAsync(HttpMethod.Get, "/Groups?filter=" + Uri.EscapeDataString("userName eq \"x\""));
        using var delete = await SendAsync(HttpMethod.Delete, $"/Groups/{Id(group)}");

        Assert.Equal([Id(group)], found["Resources"]!.AsArray().Select(g => Json.Text(g!["id"])));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Null(adaAfter["groups"]);
        Assert.Equal(Id(group), Json.Text(graceAfter["groups"]![0]!["value"]));
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);
        Assert.Equal("invalidFilter", Json.Text((await Json.ReadObjectAsync(badFilter))["scimType"]));
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Empty(State.Scim.AllGroups);
    }

    [Fact]
    public async Task A_group_member_must_be_a_user_of_the_service()
    {
        using var response = await SendAsync(HttpMethod.Post, "/Groups", GroupBody("Sales", Guid.NewGuid().ToString("N")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalidValue", Json.Text((await Json.ReadObjectAsync(response))["scimType"]));
    }

    [Fact]
    public async Task Schemas_and_resource_types_describe_users_groups_and_the_enterprise_extension()
    {
        var schemas = await Json.ReadObjectAsync(await SendAsync(HttpMethod.Get, "/Schemas"));
        var user = await Json.ReadObjectAsync(await SendAsync(HttpMethod.Get, "/Schemas/urn:ietf:params:scim:schemas:core:2.0:User"));
        var types = await Json.ReadObjectAsync(await SendAsync(HttpMethod.Get, "/ResourceTypes"));
        var groupType = await Json.ReadObjectAsync(await SendAsync(HttpMethod.Get, "/ResourceTypes/Group"));
        using var unknown = await SendAsync(HttpMethod.Get, "/Schemas/urn:nothing");

        Assert.Equal(
            ["urn:ietf:params:scim:schemas:core:2.0:User", Enterprise, "urn:ietf:params:scim:schemas:core:2.0:Group"],
            schemas["Resources"]!.AsArray().Select(s => Json.Text(s!["id"])));
        Assert.Equal(3, schemas["totalResults"]!.GetValue<int>());
        var emails = user["attributes"]!.AsArray().Single(a => Json.Text(a!["name"]) == "emails")!;
        Assert.True(emails["multiValued"]!.GetValue<bool>());
        Assert.Equal(["User", "Group"], types["Resources"]!.AsArray().Select(t => Json.Text(t!["name"])));
        Assert.Equal(Enterprise, Json.Text(types["Resources"]![0]!["schemaExtensions"]![0]!["schema"]));
        Assert.Equal("/Groups", Json.Text(groupType["endpoint"]));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [InlineData("/Schemas")]
    [InlineData("/ResourceTypes")]
    [InlineData("/Groups")]
    public async Task Every_new_endpoint_needs_credentials(string path)
    {
        using var response = await ScimCalls.SendAsync(Info, HttpMethod.Get, path, null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static string Id(JsonObject resource) => Json.Text(resource["id"]);

    private static JsonObject GroupBody(string name, params string[] members) => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:Group"),
        ["displayName"] = name,
        ["members"] = new JsonArray([.. members.Select(id => (JsonNode?)new JsonObject { ["value"] = id })]),
    };

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonObject? body = null) =>
        ScimCalls.SendAsync(Info, method, path, ScimCalls.Bearer(Info), body);

    private async Task<JsonObject> CreateUserAsync(JsonObject body)
    {
        using var response = await SendAsync(HttpMethod.Post, "/Users", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await Json.ReadObjectAsync(response);
    }

    private async Task<JsonObject> CreateGroupAsync(string name, params string[] members)
    {
        using var response = await SendAsync(HttpMethod.Post, "/Groups", GroupBody(name, members));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await Json.ReadObjectAsync(response);
    }
}

using System;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace AqueraProvisioning.Sandbox.Tests;

public sealed class DirectoryUserTests : SandboxTestBase
{
    [Fact]
    public async Task The_directory_starts_with_six_users_in_two_populations_and_sales_and_engineering_memberships()
    {
        var users = (await GetObjectAsync("users"))["_embedded"]!["users"]!.AsArray();
        var populations = (await GetObjectAsync("populations"))["_embedded"]!["populations"]!.AsArray();
        var alice = users.Single(u => Json.Text(u!["username"]) == "alice.anders")!;
        var sales = await GetObjectAsync($"users/{Json.Text(alice["id"])}/memberOfGroups");

        Assert.Equal(["alice.anders", "bob.baker", "carol.chen", "dave.diaz", "erin.evans", "frank.fischer"], users.Select(u => Json.Text(u!["username"])));
        Assert.Equal(["Default", "Contractors"], populations.Select(p => Json.Text(p!["name"])));
        Assert.True(populations[0]!["default"]!.GetValue<bool>());
        Assert.Equal(4, populations[0]!["userCount"]!.GetValue<int>());
        Assert.Equal("alice.anders@example.com", Json.Text(alice["email"]));
        Assert.Equal("Alice", Json.Text(alice["name"]!["given"]));
        Assert.Equal(Json.Text(populations[0]!["id"]), Json.Text(alice["population"]!["id"]));
        Assert.Equal("Sales", Json.Text(sales["_embedded"]!["groupMemberships"]![0]!["name"]));
    }

    [Fact]
    public async Task Create_answers_201_with_location_defaults_and_the_attributes_as_given()
    {
        using var response = await PostJsonAsync(Absolute("users"), new JsonObject
        {
            ["username"] = "grace.hopper",
            ["email"] = "grace@example.com",
            ["name"] = new JsonObject { ["given"] = "Grace", ["family"] = "Hopper" },
            ["address"] = new JsonObject { ["countryCode"] = "US" },
            ["costCenter"] = "CC-7",
        });
        var created = await Json.ReadObjectAsync(response);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(UserUrl(created), response.Headers.Location!.ToString());
        Assert.True(created["enabled"]!.GetValue<bool>());
        Assert.Equal("ACCOUNT_OK", Json.Text(created["lifecycle"]!["status"]));
        Assert.Equal(State.Directory.AllPopulations.Single(p => p.IsDefault).Id.ToString(), Json.Text(created["population"]!["id"]));
        Assert.Equal("CC-7", Json.Text(created["costCenter"]));
        Assert.Equal("US", Json.Text(created["address"]!["countryCode"]));
        Assert.Equal(created.ToJsonString(), (await GetObjectAsync(UserUrl(created))).ToJsonString());
    }

    [Fact]
    public async Task Every_bad_field_of_a_user_gets_its_own_detail()
    {
        using var response = await PostJsonAsync(Absolute("users"), new JsonObject
        {
            ["email"] = "not-an-email",
            ["name"] = new JsonObject { ["given"] = 7 },
            ["population"] = new JsonObject { ["id"] = Guid.NewGuid().ToString() },
            ["enabled"] = "yes",
            ["title"] = true,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await Json.ReadObjectAsync(response);
        Assert.Equal("INVALID_DATA", Json.Text(error["code"]));
        Assert.Equal(
            [("INVALID_VALUE", "email"), ("INVALID_VALUE", "enabled"), ("INVALID_VALUE", "name.given"), ("INVALID_VALUE", "population.id"), ("INVALID_VALUE", "title"), ("REQUIRED_VALUE", "username")],
            Json.Details(error));
        Assert.Equal(6, State.Directory.AllUsers.Count);
    }

    [Fact]
    public async Task A_username_taken_in_any_case_is_a_uniqueness_violation()
    {
        using var response = await PostJsonAsync(Absolute("users"), new JsonObject { ["username"] = "Alice.Anders" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([("UNIQUENESS_VIOLATION", "username")], Json.Details(await Json.ReadObjectAsync(response)));
    }

    [Fact]
    public async Task Writes_need_a_json_content_type()
    {
        using var response = await PostJsonAsync(Absolute("users"), new JsonObject { ["username"] = "x" }, "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("username eq \"bob.baker\"", new[] { "bob.baker" })]
    [InlineData("USERNAME EQ \"BOB.BAKER\"", new[] { "bob.baker" })]
    [InlineData("email eq \"carol.chen@example.com\" or username eq \"dave.diaz\"", new[] { "carol.chen", "dave.diaz" })]
    [InlineData("population.id eq \"7a1d0c52-0000-4000-8000-000000000002\"", new[] { "erin.evans", "frank.fischer" })]
    [InlineData("population.id eq \"7a1d0c52-0000-4000-8000-000000000002\" and username eq \"erin.evans\"", new[] { "erin.evans" })]
    [InlineData("username eq \"nobody\"", new string[0])]
    public async Task The_users_filter_takes_username_email_and_population_with_and_or(string filter, string[] expected)
    {
        var body = await GetObjectAsync("users?filter=" + Uri.EscapeDataString(filter));

        Assert.Equal(expected, body["_embedded"]!["users"]!.AsArray().Select(u => Json.Text(u!["username"])));
        Assert.Equal(expected.Length, body["count"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("title eq \"Designer\"")]
    [InlineData("username sw \"a\"")]
    [InlineData("not (username eq \"a\")")]
    [InlineData("username eq")]
    [InlineData("username eq \"unclosed")]
    public async Task Other_filters_are_400_invalid_filter(string filter)
    {
        using var response = await Http.GetAsync(Absolute("users?filter=" + Uri.EscapeDataString(filter)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await Json.ReadObjectAsync(response);
        Assert.Equal("INVALID_FILTER", Json.Text(error["code"]));
        Assert.Equal([("INVALID_VALUE", "filter")], Json.Details(error));
    }

    [Fact]
    public async Task A_filtered_list_pages_with_the_filter_in_the_next_link()
    {
        var filter = Uri.EscapeDataString("population.id eq \"7a1d0c52-0000-4000-8000-000000000001\"");
        var first = await GetObjectAsync($"users?filter={filter}&limit=3");
        var second = await GetObjectAsync(Json.Text(first["_links"]!["next"]!["href"]));

        Assert.Equal(4, first["count"]!.GetValue<int>());
        Assert.Equal(3, first["size"]!.GetValue<int>());
        Assert.Equal(["dave.diaz"], second["_embedded"]!["users"]!.AsArray().Select(u => Json.Text(u!["username"])));
        Assert.Null(second["_links"]!["next"]);
    }

    [Fact]
    public async Task Put_replaces_the_attributes_but_keeps_population_and_enabled_when_omitted()
    {
        var bob = await UserAsync("bob.baker");
        using var disable = await PutJsonAsync(UserUrl(bob) + "/enabled", new JsonObject { ["enabled"] = false });

        using var response = await PutJsonAsync(UserUrl(bob), new JsonObject { ["username"] = "bob.baker", ["title"] = "Manager" });
        var replaced = await Json.ReadObjectAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Manager", Json.Text(replaced["title"]));
        Assert.Null(replaced["email"]);
        Assert.Null(replaced["name"]);
        Assert.False(replaced["enabled"]!.GetValue<bool>());
        Assert.Equal(Json.Text(bob["population"]!["id"]), Json.Text(replaced["population"]!["id"]));
        Assert.Equal(Json.Text(bob["createdAt"]), Json.Text(replaced["createdAt"]));
    }

    [Fact]
    public async Task Patch_merges_nested_objects_and_a_null_removes_a_field()
    {
        var carol = await UserAsync("carol.chen");

        using var response = await PatchJsonAsync(UserUrl(carol), new JsonObject
        {
            ["name"] = new JsonObject { ["family"] = "Chen-Li" },
            ["title"] = null,
            ["population"] = new JsonObject { ["id"] = "7a1d0c52-0000-4000-8000-000000000002" },
        });
        var patched = await Json.ReadObjectAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Carol", Json.Text(patched["name"]!["given"]));
        Assert.Equal("Chen-Li", Json.Text(patched["name"]!["family"]));
        Assert.Null(patched["title"]);
        Assert.Equal("carol.chen@example.com", Json.Text(patched["email"]));
        Assert.Equal("7a1d0c52-0000-4000-8000-000000000002", Json.Text(patched["population"]!["id"]));
    }

    [Fact]
    public async Task Patch_to_a_username_in_use_is_refused_and_changes_nothing()
    {
        var carol = await UserAsync("carol.chen");

        using var response = await PatchJsonAsync(UserUrl(carol), new JsonObject { ["username"] = "dave.diaz", ["title"] = "x" });

        Assert.Equal([("UNIQUENESS_VIOLATION", "username")], Json.Details(await Json.ReadObjectAsync(response)));
        Assert.Equal("Software Engineer", Json.Text((await GetObjectAsync(UserUrl(carol)))["title"]));
    }

    [Fact]
    public async Task Enabled_endpoint_disables_and_enables_and_requires_a_boolean()
    {
        var dave = await UserAsync("dave.diaz");

        using var disabled = await PutJsonAsync(UserUrl(dave) + "/enabled", new JsonObject { ["enabled"] = false });
        var afterDisable = await GetObjectAsync(UserUrl(dave));
        using var bad = await PutJsonAsync(UserUrl(dave) + "/enabled", new JsonObject { ["enabled"] = "no" });
        using var missing = await PutJsonAsync(UserUrl(dave) + "/enabled", new JsonObject());

        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.False((await Json.ReadObjectAsync(disabled))["enabled"]!.GetValue<bool>());
        Assert.False(afterDisable["enabled"]!.GetValue<bool>());
        Assert.Equal([("INVALID_VALUE", "enabled")], Json.Details(await Json.ReadObjectAsync(bad)));
        Assert.Equal([("REQUIRED_VALUE", "enabled")], Json.Details(await Json.ReadObjectAsync(missing)));
    }

    [Fact]
    public async Task Delete_answers_204_removes_the_memberships_and_then_404_names_the_user()
    {
        var alice = await UserAsync("alice.anders");

        using var delete = await Http.DeleteAsync(UserUrl(alice));
        using var again = await Http.GetAsync(UserUrl(alice));

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        await AssertNotFoundAsync(again, "user", Json.Text(alice["id"]));
        Assert.Empty(State.Directory.GroupIdsOf(Guid.Parse(Json.Text(alice["id"]))));
    }

    [Fact]
    public async Task Reset_brings_the_seeded_directory_back()
    {
        var alice = await UserAsync("alice.anders");
        using var delete = await Http.DeleteAsync(UserUrl(alice));
        await CreateAsync("users", new JsonObject { ["username"] = "temp" });

        using var reset = await ControlPostAsync("/reset");

        Assert.Equal(6, State.Directory.AllUsers.Count);
        Assert.Equal(Json.Text(alice["id"]), State.Directory.FindUserByUsername("alice.anders")!.Id.ToString());
        Assert.Null(State.Directory.FindUserByUsername("temp"));
        Assert.Single(State.Directory.GroupIdsOf(Guid.Parse(Json.Text(alice["id"]))));
    }

    private string UserUrl(JsonObject user) => Absolute("users/" + Json.Text(user["id"]));

    private async Task<JsonObject> UserAsync(string username) =>
        (JsonObject)(await GetObjectAsync("users?filter=" + Uri.EscapeDataString($"username eq \"{username}\"")))["_embedded"]!["users"]![0]!;
}

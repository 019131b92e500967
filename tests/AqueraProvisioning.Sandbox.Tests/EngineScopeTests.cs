using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace AqueraProvisioning.Sandbox.Tests;

public sealed class EngineScopeTests : EngineTestBase
{
    [Fact]
    public async Task A_directory_change_propagates_without_a_revision()
    {
        var outbound = await SetUpOutboundAsync();
        await ReviseAndWaitAsync();
        var revisions = State.Revisions.Count;

        await CreateAsync("users", new JsonObject
        {
            ["username"] = "grace.hopper",
            ["email"] = "grace@example.com",
            ["name"] = new JsonObject { ["given"] = "Grace", ["family"] = "Hopper" },
        });
        await WaitForEngineAsync();

        Assert.Equal("Hopper", Json.Text(Named(await ScimUsersAsync(), "grace.hopper")["name"]!["familyName"]));
        Assert.Equal(revisions, State.Revisions.Count);
        Assert.Equal(5, (await SyncStatusAsync(outbound.Target))["successCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_inactive_rule_sends_nothing()
    {
        await SetUpOutboundAsync(activate: false);

        await ReviseAndWaitAsync();
        await PatchUserAsync("alice.anders", new JsonObject { ["title"] = "CEO" });
        await WaitForEngineAsync();

        Assert.Empty(await ScimUsersAsync());
    }

    [Fact]
    public async Task An_inactive_target_store_sends_nothing_and_keeps_its_accounts_until_it_is_enabled()
    {
        var outbound = await SetUpOutboundAsync(configuration => configuration["REMOVE_ACTION"] = "Delete");
        await ReviseAndWaitAsync();
        await UpdateStoreAsync(outbound.Target, store => store["status"] = "INACTIVE");

        using (var delete = await Http.DeleteAsync(Absolute($"users/{UserId("bob.baker")}")))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        await PatchUserAsync("alice.anders", new JsonObject { ["name"] = new JsonObject { ["given"] = "Alicia" } });
        await ReviseAndWaitAsync();
        var whileInactive = await ScimUsersAsync();

        await UpdateStoreAsync(outbound.Target, store => store["status"] = "ACTIVE");
        await ReviseAndWaitAsync();
        var afterEnabling = await ScimUsersAsync();

        Assert.Equal(DefaultUsers, UserNames(whileInactive));
        Assert.Equal("Alice", Json.Text(Named(whileInactive, "alice.anders")["name"]!["givenName"]));
        Assert.Equal(["alice.anders", "carol.chen", "dave.diaz"], UserNames(afterEnabling));
        Assert.Equal("Alicia", Json.Text(Named(afterEnabling, "alice.anders")["name"]!["givenName"]));
    }

    [Theory]
    [InlineData("ignored", true)]
    [InlineData("required", false)]
    public async Task An_inactive_plan_stops_the_engine_only_when_the_plan_status_is_required(string mode, bool provisions)
    {
        await SetAsync(new JsonObject { ["planStatusMode"] = mode });
        var outbound = await SetUpOutboundAsync();

        await ReviseAndWaitAsync();
        Assert.Equal(provisions ? DefaultUsers : [], UserNames(await ScimUsersAsync()));

        using var active = await PutJsonAsync(Absolute($"propagation/plans/{Id(outbound.Plan)}"), new JsonObject { ["name"] = "Provisioning Plan", ["status"] = "ACTIVE" });
        await ReviseAndWaitAsync();
        Assert.Equal(DefaultUsers, UserNames(await ScimUsersAsync()));
    }

    [Theory]
    [InlineData("none", 0)]
    [InlineData("all", 6)]
    public async Task A_rule_without_a_population_expression_provisions_by_the_empty_scope_knob(string setting, int expected)
    {
        await SetAsync(new JsonObject { ["emptyScope"] = setting });
        var outbound = await SetUpOutboundAsync(expression: null);

        await ReviseAndWaitAsync();

        Assert.Equal(expected, (await ScimUsersAsync()).Length);
        Assert.Equal(expected, (await SyncStatusAsync(outbound.Target))["userTotal"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("population.name eq \"Contractors\"", new[] { "erin.evans", "frank.fischer" })]
    [InlineData("memberOfGroups[id eq \"" + SalesGroup + "\"]", new[] { "alice.anders", "bob.baker" })]
    [InlineData("email ew \"@example.com\" and not (title co \"engineer\")", new[] { "alice.anders", "dave.diaz", "erin.evans", "frank.fischer" })]
    [InlineData("(username sw \"a\" or username sw \"f\") and enabled eq true", new[] { "alice.anders", "frank.fischer" })]
    public async Task The_population_expression_is_a_scim_filter_over_the_pingone_user(string expression, string[] expected)
    {
        await SetUpOutboundAsync(expression: expression);

        await ReviseAndWaitAsync();

        Assert.Equal(expected, UserNames(await ScimUsersAsync()));
    }

    [Fact]
    public async Task Joining_a_group_the_scope_names_provisions_the_user()
    {
        await SetUpOutboundAsync(expression: "memberOfGroups[id eq \"" + SalesGroup + "\"]");
        await ReviseAndWaitAsync();

        using var join = await PostJsonAsync(Absolute($"users/{UserId("dave.diaz")}/memberOfGroups"), new JsonObject { ["id"] = SalesGroup });
        await WaitForEngineAsync();

        Assert.Equal(["alice.anders", "bob.baker", "dave.diaz"], UserNames(await ScimUsersAsync()));
    }

    [Theory]
    [InlineData("upper", "SUCCESS")]
    [InlineData("title", "Success")]
    public async Task The_synced_rule_status_case_follows_the_knob(string setting, string expected)
    {
        await SetAsync(new JsonObject { ["syncedRuleStatusCase"] = setting });
        var outbound = await SetUpOutboundAsync();

        await ReviseAndWaitAsync();

        Assert.Equal(expected, Json.Text((await SyncedRuleAsync("alice.anders", outbound.Rule))["status"]));
    }

    [Fact]
    public async Task Synced_rule_lookups_answer_404_naming_what_is_missing()
    {
        var outbound = await SetUpOutboundAsync();
        await ReviseAndWaitAsync();
        var unknown = System.Guid.NewGuid();

        using var noUser = await Http.GetAsync(Absolute($"users/{unknown}/syncedRules/{Id(outbound.Rule)}"));
        using var noRule = await Http.GetAsync(Absolute($"users/{UserId("alice.anders")}/syncedRules/{unknown}"));
        using var outOfScope = await Http.GetAsync(Absolute($"users/{UserId("erin.evans")}/syncedRules/{Id(outbound.Rule)}"));

        await AssertNotFoundAsync(noUser, "user", unknown);
        await AssertNotFoundAsync(noRule, "propagation rule", unknown);
        Assert.Equal(HttpStatusCode.NotFound, outOfScope.StatusCode);
        Assert.Equal($"Unable to find synced rule with id {Id(outbound.Rule)} for user {UserId("erin.evans")}.", Json.Text((await Json.ReadObjectAsync(outOfScope))["message"]));
    }
}

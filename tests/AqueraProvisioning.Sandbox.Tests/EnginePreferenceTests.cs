using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace AqueraProvisioning.Sandbox.Tests;

public sealed class EnginePreferenceTests : EngineTestBase
{
    [Fact]
    public async Task A_revision_provisions_the_users_in_scope_with_the_mapped_attributes()
    {
        var outbound = await SetUpOutboundAsync();

        var revision = await ReviseAndWaitAsync();

        var users = await ScimUsersAsync();
        Assert.Equal(DefaultUsers, UserNames(users));
        var alice = Named(users, "alice.anders");
        Assert.Equal("Alice", Json.Text(alice["name"]!["givenName"]));
        Assert.Equal("Anders", Json.Text(alice["name"]!["familyName"]));
        Assert.Equal("alice.anders@example.com", Json.Text(alice["emails"]![0]!["value"]));
        Assert.Equal("work", Json.Text(alice["emails"]![0]!["type"]));
        Assert.True(alice["active"]!.GetValue<bool>());
        var sync = await SyncStatusAsync(outbound.Target);
        Assert.Equal("SYNCING", Json.Text(sync["syncState"]));
        Assert.Equal(4, sync["successCount"]!.GetValue<int>());
        Assert.Equal(0, sync["failedCount"]!.GetValue<int>());
        Assert.Equal(4, sync["userTotal"]!.GetValue<int>());
        Assert.Null(sync["details"]);
        Assert.True(string.CompareOrdinal(Json.Text(sync["lastSyncAt"]), Json.Text(revision["createdAt"])) > 0);
        var synced = await SyncedRuleAsync("alice.anders", outbound.Rule);
        Assert.Equal("SUCCESS", Json.Text(synced["status"]));
        Assert.Equal("OUTBOUND", Json.Text(synced["type"]));
        Assert.Empty(synced["details"]!.AsArray());
        Assert.Equal(Id(outbound.Target), Json.Text(synced["targetStore"]!["id"]));
        Assert.Equal("Aquera", Json.Text(synced["targetStore"]!["type"]));
    }

    [Fact]
    public async Task A_second_revision_changes_nothing_that_is_already_in_place()
    {
        await SetUpOutboundAsync();
        await ReviseAndWaitAsync();
        var before = await ScimUsersAsync();

        await ReviseAndWaitAsync();

        Assert.Equal(before.Select(u => u["meta"]!["lastModified"]!.ToJsonString()), (await ScimUsersAsync()).Select(u => u["meta"]!["lastModified"]!.ToJsonString()));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Users_are_created_only_when_the_connection_allows_it(bool allowed)
    {
        var outbound = await SetUpOutboundAsync(configuration => configuration["CREATE_USERS"] = allowed);

        await ReviseAndWaitAsync();

        Assert.Equal(allowed ? DefaultUsers : [], UserNames(await ScimUsersAsync()));
        var synced = await SyncedRuleAsync("bob.baker", outbound.Rule);
        Assert.Equal(allowed ? "SUCCESS" : "UNSYNCED", Json.Text(synced["status"]));
        if (!allowed)
        {
            Assert.Equal("The connection does not allow users to be created.", Json.Text(synced["details"]![0]!["message"]));
            Assert.Equal(0, (await SyncStatusAsync(outbound.Target))["successCount"]!.GetValue<int>());
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_changed_user_is_updated_only_when_the_connection_allows_it(bool allowed)
    {
        var outbound = await SetUpOutboundAsync(configuration => configuration["UPDATE_USERS"] = allowed);
        await ReviseAndWaitAsync();

        await PatchUserAsync("carol.chen", new JsonObject { ["name"] = new JsonObject { ["family"] = "Chen-Li" } });
        await WaitForEngineAsync();

        var carol = Named(await ScimUsersAsync(), "carol.chen");
        Assert.Equal(allowed ? "Chen-Li" : "Chen", Json.Text(carol["name"]!["familyName"]));
        var synced = await SyncedRuleAsync("carol.chen", outbound.Rule);
        Assert.Equal(allowed ? "SUCCESS" : "PARTIAL", Json.Text(synced["status"]));
        if (!allowed)
        {
            Assert.Equal("The connection does not allow users to be updated.", Json.Text(synced["details"]![0]!["message"]));
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_disabled_user_becomes_inactive_only_when_the_connection_allows_it(bool allowed)
    {
        var outbound = await SetUpOutboundAsync(configuration => configuration["DISABLE_USERS"] = allowed);
        await ReviseAndWaitAsync();

        await SetEnabledAsync("dave.diaz", false);
        await WaitForEngineAsync();

        Assert.Equal(!allowed, Named(await ScimUsersAsync(), "dave.diaz")["active"]!.GetValue<bool>());
        Assert.Equal(allowed ? "SUCCESS" : "PARTIAL", Json.Text((await SyncedRuleAsync("dave.diaz", outbound.Rule))["status"]));

        await SetEnabledAsync("dave.diaz", true);
        await WaitForEngineAsync();

        Assert.True(Named(await ScimUsersAsync(), "dave.diaz")["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_disabled_user_is_not_created()
    {
        await SetEnabledAsync("alice.anders", false);
        var outbound = await SetUpOutboundAsync();

        await ReviseAndWaitAsync();

        Assert.DoesNotContain("alice.anders", UserNames(await ScimUsersAsync()));
        Assert.Equal("UNSYNCED", Json.Text((await SyncedRuleAsync("alice.anders", outbound.Rule))["status"]));
    }

    [Fact]
    public async Task Expression_and_enterprise_mappings_land_as_scim_attributes()
    {
        var outbound = await SetUpOutboundAsync();
        await AddExpressionMappingAsync(outbound.Rule, "user.name.given + ' ' + #string.upper(user['name'].family)", "displayName");
        await AddExpressionMappingAsync(outbound.Rule, "#string.substring(#root.accountId, 1, 5)", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber");
        await AddMappingAsync(outbound.Rule, "title", "title");

        await ReviseAndWaitAsync();

        var bob = Named(await ScimUsersAsync(), "bob.baker");
        Assert.Equal("Bob BAKER", Json.Text(bob["displayName"]));
        Assert.Equal("1002", Json.Text(bob["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]!["employeeNumber"]));
        Assert.Contains("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", bob["schemas"]!.AsArray().Select(s => Json.Text(s)));
        Assert.Equal("Sales Engineer", Json.Text(bob["title"]));
    }

    [Fact]
    public async Task An_existing_account_with_the_same_user_name_is_adopted_not_duplicated()
    {
        using var planted = await ScimCalls.SendAsync(Info, System.Net.Http.HttpMethod.Post, "/Users", ScimCalls.Bearer(Info), new JsonObject { ["userName"] = "Alice.Anders", ["title"] = "old" });
        var outbound = await SetUpOutboundAsync();

        await ReviseAndWaitAsync();

        var users = await ScimUsersAsync();
        Assert.Equal(4, users.Length);
        var alice = users.Single(u => Json.Text(u["userName"]).Equals("alice.anders", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(Json.Text((await Json.ReadObjectAsync(planted))["id"]), Json.Text(alice["id"]));
        Assert.Equal("Alice", Json.Text(alice["name"]!["givenName"]));
        Assert.Equal("SUCCESS", Json.Text((await SyncedRuleAsync("alice.anders", outbound.Rule))["status"]));
    }

    [Fact]
    public async Task A_rule_without_a_user_name_mapping_fails_each_user_without_calling_the_service()
    {
        await SetAsync(new JsonObject { ["activeRuleRequiresMappings"] = false });
        var plan = await CreatePlanAsync();
        var rule = await CreateRuleAsync(plan, await CreateDirectoryStoreAsync(), await CreateAqueraStoreAsync(c => c["CREATE_USERS"] = true), expression: InPopulation(DefaultPopulation));
        await AddMappingAsync(rule, "email", "displayName");
        await SetRuleActiveAsync(rule, true);

        await ReviseAndWaitAsync();

        Assert.Empty(await ScimUsersAsync());
        var synced = await SyncedRuleAsync("alice.anders", rule);
        Assert.Equal("FAILED", Json.Text(synced["status"]));
        Assert.Equal("MAPPING_ERROR", Json.Text(synced["details"]![0]!["code"]));
    }

    [Fact]
    public async Task A_rule_with_no_mappings_uses_the_default_set()
    {
        await SetAsync(new JsonObject { ["activeRuleRequiresMappings"] = false });
        var plan = await CreatePlanAsync();
        var body = RuleBody(plan, await CreateDirectoryStoreAsync(), await CreateAqueraStoreAsync(c => c["CREATE_USERS"] = true), expression: InPopulation(ContractorsPopulation));
        body["active"] = true;
        await CreateAsync("propagation/rules", body);

        await ReviseAndWaitAsync();

        var erin = Named(await ScimUsersAsync(), "erin.evans");
        Assert.Equal("Evans", Json.Text(erin["name"]!["familyName"]));
        Assert.Equal("erin.evans@example.com", Json.Text(erin["emails"]![0]!["value"]));
    }
}

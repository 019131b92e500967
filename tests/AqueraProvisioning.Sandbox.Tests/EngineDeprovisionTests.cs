using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace AqueraProvisioning.Sandbox.Tests;

public sealed class EngineDeprovisionTests : EngineTestBase
{
    [Theory]
    [InlineData("Delete")]
    [InlineData("Disable")]
    public async Task A_user_deleted_in_pingone_is_removed_or_disabled_by_the_remove_action(string action)
    {
        await SetUpOutboundAsync(configuration => configuration["REMOVE_ACTION"] = action);
        await ReviseAndWaitAsync();

        using var delete = await Http.DeleteAsync(Absolute($"users/{UserId("bob.baker")}"));
        await WaitForEngineAsync();

        var users = await ScimUsersAsync();
        if (action == "Delete")
        {
            Assert.Equal(["alice.anders", "carol.chen", "dave.diaz"], UserNames(users));
        }
        else
        {
            Assert.Equal(DefaultUsers, UserNames(users));
            Assert.False(Named(users, "bob.baker")["active"]!.GetValue<bool>());
            Assert.True(Named(users, "alice.anders")["active"]!.GetValue<bool>());
        }
    }

    [Theory]
    [InlineData("Delete")]
    [InlineData("Disable")]
    public async Task A_user_who_leaves_the_scope_is_deprovisioned_and_says_so(string action)
    {
        var outbound = await SetUpOutboundAsync(configuration => configuration["REMOVE_ACTION"] = action);
        await ReviseAndWaitAsync();

        await PatchUserAsync("carol.chen", new JsonObject { ["population"] = new JsonObject { ["id"] = ContractorsPopulation } });
        await WaitForEngineAsync();

        var users = await ScimUsersAsync();
        Assert.Equal(action == "Delete", !UserNames(users).Contains("carol.chen"));
        if (action == "Disable")
        {
            Assert.False(Named(users, "carol.chen")["active"]!.GetValue<bool>());
        }

        var synced = await SyncedRuleAsync("carol.chen", outbound.Rule);
        Assert.Equal("DEPROVISIONED", Json.Text(synced["status"]));
        Assert.Contains($"REMOVE_ACTION {action}", Json.Text(synced["details"]![0]!["message"]));

        await PatchUserAsync("carol.chen", new JsonObject { ["population"] = new JsonObject { ["id"] = DefaultPopulation } });
        await WaitForEngineAsync();

        Assert.True(Named(await ScimUsersAsync(), "carol.chen")["active"]!.GetValue<bool>());
        Assert.Equal("SUCCESS", Json.Text((await SyncedRuleAsync("carol.chen", outbound.Rule))["status"]));
    }

    [Theory]
    [InlineData("Delete")]
    [InlineData("Disable")]
    public async Task Deleting_a_rule_with_deprovision_on_a_managed_store_deprovisions_its_users_at_the_next_revision(string action)
    {
        var outbound = await SetUpOutboundAsync(configuration => configuration["REMOVE_ACTION"] = action, managed: true);
        await ReviseAndWaitAsync();

        using var delete = await Http.DeleteAsync(Absolute($"propagation/rules/{Id(outbound.Rule)}?deprovision=true"));
        await WaitForEngineAsync();
        var beforeRevision = await ScimUsersAsync();
        await ReviseAndWaitAsync();
        var afterRevision = await ScimUsersAsync();

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(DefaultUsers, UserNames(beforeRevision));
        Assert.All(beforeRevision, user => Assert.True(user["active"]!.GetValue<bool>()));
        if (action == "Delete")
        {
            Assert.Empty(afterRevision);
        }
        else
        {
            Assert.All(afterRevision, user => Assert.False(user["active"]!.GetValue<bool>()));
        }

        var sync = await SyncStatusAsync(outbound.Target);
        Assert.Equal(4, sync["successCount"]!.GetValue<int>());
        Assert.Equal(0, sync["failedDeprovisionCount"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(false, false, true)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    public async Task Without_a_managed_store_or_without_deprovision_the_accounts_stay(bool managed, bool askDeprovision, bool ruleFlag)
    {
        var outbound = await SetUpOutboundAsync(
            configuration => configuration["REMOVE_ACTION"] = "Delete",
            managed: managed,
            ruleBody: body => body["deprovision"] = ruleFlag ? true : null);
        await ReviseAndWaitAsync();

        using var delete = await Http.DeleteAsync(Absolute($"propagation/rules/{Id(outbound.Rule)}" + (askDeprovision ? "?deprovision=true" : string.Empty)));
        await ReviseAndWaitAsync();

        Assert.Equal(DefaultUsers, UserNames(await ScimUsersAsync()));
    }

    [Fact]
    public async Task The_deprecated_rule_flag_deprovisions_like_a_managed_store()
    {
        var outbound = await SetUpOutboundAsync(configuration => configuration["REMOVE_ACTION"] = "Delete", ruleBody: body => body["deprovision"] = true);
        await ReviseAndWaitAsync();

        using var delete = await Http.DeleteAsync(Absolute($"propagation/rules/{Id(outbound.Rule)}?deprovision=true"));
        await ReviseAndWaitAsync();

        Assert.Empty(await ScimUsersAsync());
    }

    [Fact]
    public async Task Deleting_the_plan_leaves_the_accounts_in_place()
    {
        var outbound = await SetUpOutboundAsync(configuration => configuration["REMOVE_ACTION"] = "Delete", managed: true);
        await ReviseAndWaitAsync();

        using var delete = await Http.DeleteAsync(Absolute($"propagation/plans/{Id(outbound.Plan)}"));
        await ReviseAndWaitAsync();

        Assert.Equal(DefaultUsers, UserNames(await ScimUsersAsync()));
    }
}

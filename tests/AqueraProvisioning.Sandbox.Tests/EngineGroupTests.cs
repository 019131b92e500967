using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace AqueraProvisioning.Sandbox.Tests;

public sealed class EngineGroupTests : EngineTestBase
{
    [Fact]
    public async Task A_rules_group_lands_in_scim_with_its_provisioned_members_and_follows_membership_changes()
    {
        var outbound = await SetUpOutboundAsync(ruleBody: body => body["groups"] = new JsonArray(new JsonObject { ["id"] = SalesGroup }));
        await ReviseAndWaitAsync();
        var first = await GroupsAsync();

        using var join = await PostJsonAsync(Absolute($"users/{UserId("carol.chen")}/memberOfGroups"), new JsonObject { ["id"] = SalesGroup });
        using var leave = await Http.DeleteAsync(Absolute($"users/{UserId("alice.anders")}/memberOfGroups/{SalesGroup}"));
        await WaitForEngineAsync();
        var second = await GroupsAsync();

        var users = await ScimUsersAsync();
        Assert.Equal("Sales", Json.Text(first.Single()["displayName"]));
        Assert.Equal(Ids(users, "alice.anders", "bob.baker"), MemberIds(first.Single()));
        Assert.Equal(Ids(users, "bob.baker", "carol.chen"), MemberIds(second.Single()));
        Assert.Equal(Json.Text(first.Single()["id"]), Json.Text(second.Single()["id"]));
        var synced = await GetObjectAsync($"groups/{SalesGroup}/syncedRules/{Id(outbound.Rule)}");
        Assert.Equal("SUCCESS", Json.Text(synced["status"]));
        Assert.Equal("Sales", Json.Text(synced["group"]!["name"]));
        var list = await GetObjectAsync($"propagation/rules/{Id(outbound.Rule)}/syncedGroups");
        Assert.Equal([SalesGroup], list["_embedded"]!["syncedGroups"]!.AsArray().Select(g => Json.Text(g!["group"]!["id"])));
    }

    [Fact]
    public async Task An_existing_scim_group_with_the_same_name_is_adopted()
    {
        using var planted = await ScimCalls.SendAsync(Info, HttpMethod.Post, "/Groups", ScimCalls.Bearer(Info), new JsonObject { ["displayName"] = "sales" });
        await SetUpOutboundAsync(ruleBody: body => body["groups"] = new JsonArray(new JsonObject { ["id"] = SalesGroup }));

        await ReviseAndWaitAsync();

        var group = (await GroupsAsync()).Single();
        Assert.Equal(Json.Text((await Json.ReadObjectAsync(planted))["id"]), Json.Text(group["id"]));
        Assert.Equal("Sales", Json.Text(group["displayName"]));
        Assert.Equal(2, group["members"]!.AsArray().Count);
    }

    private async Task<JsonObject[]> GroupsAsync()
    {
        var body = await GetObjectAsync(Info.ControlUrl + "/scim/groups");
        return [.. body["Resources"]!.AsArray().Select(group => (JsonObject)group!)];
    }

    private static string[] Ids(JsonObject[] users, params string[] userNames) =>
        [.. userNames.Select(name => Json.Text(Named(users, name)["id"])).Order()];

    private static string[] MemberIds(JsonObject group) =>
        [.. group["members"]!.AsArray().Select(member => Json.Text(member!["value"])).Order()];
}

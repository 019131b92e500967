using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// Group provisioning: a rule's PingOne group goes to SCIM <c>/Groups</c> with the members the store holds accounts
/// for: found by the engine's link or <c>displayName eq</c>, created by <c>POST</c>, brought up to date by
/// <c>PUT</c> when its name or member set differs. Both PingOne group name sources give the group's name, as
/// PingOne groups have no distinguished name.
/// </summary>
internal sealed class GroupSync(ScimSession scim, EngineLedger ledger, PingOneDirectory directory, Guid storeId)
{
    public async Task<UserResult?> SyncAsync(Guid groupId)
    {
        if (directory.Groups.Find(groupId) is not { } group)
        {
            return null;
        }

        var members = directory.Memberships.Where(membership => membership.GroupId == groupId)
            .Select(membership => ledger.Link(storeId, membership.UserId))
            .OfType<ScimLink>()
            .Where(link => !link.Deprovisioned)
            .ToArray();
        var (current, failure) = await FindAsync(group);
        if (failure is not null)
        {
            return UserResult.ScimFailed(failure);
        }

        var memberJson = new JsonArray([.. members.Select(link => (JsonNode?)new JsonObject { ["value"] = link.ScimId, ["display"] = link.UserName })]);
        if (current is null)
        {
            var created = await scim.SendAsync(HttpMethod.Post, "Groups", new JsonObject
            {
                ["schemas"] = new JsonArray(ScimResourceKind.GroupSchema),
                ["displayName"] = group.Name,
                ["members"] = memberJson,
            });
            if (!created.Succeeded || ScimJson.Id(created.Body) is not { } id)
            {
                return UserResult.ScimFailed(created.Failure ?? "the SCIM service answered the group create without an id");
            }

            ledger.SetGroupLink(storeId, groupId, id);
            return UserResult.Success;
        }

        var currentId = ScimJson.Id(current)!;
        ledger.SetGroupLink(storeId, groupId, currentId);
        var held = MemberIds(current);
        if (held.SetEquals(members.Select(link => link.ScimId)) && JsonText.Of(AttributePath.Get(current, "displayName", out _)) == group.Name)
        {
            return UserResult.Success;
        }

        var next = ScimJson.Writable(current);
        next["displayName"] = group.Name;
        next["members"] = memberJson;
        var replaced = await scim.SendAsync(HttpMethod.Put, "Groups/" + Uri.EscapeDataString(currentId), next);
        return replaced.Succeeded ? UserResult.Success : UserResult.ScimFailed(replaced.Failure);
    }

    private async Task<(JsonObject? Current, string? Failure)> FindAsync(DirectoryEntry group)
    {
        if (ledger.GroupLink(storeId, group.Id) is { } link)
        {
            var read = await scim.SendAsync(HttpMethod.Get, "Groups/" + Uri.EscapeDataString(link));
            if (read.Succeeded && read.Body is JsonObject found)
            {
                return (found, null);
            }

            if (read.Status != 404)
            {
                return (null, read.Failure);
            }

            ledger.SetGroupLink(storeId, group.Id, null);
        }

        var search = await scim.SendAsync(HttpMethod.Get, "Groups?" + ScimSession.EqualsFilter("displayName", group.Name));
        return search.Succeeded ? (ScimJson.FirstResource(search.Body), null) : (null, search.Failure);
    }

    private static System.Collections.Generic.HashSet<string> MemberIds(JsonObject group) =>
        AttributePath.Get(group, "members", out _) is JsonArray members
            ? [.. members.OfType<JsonObject>().Select(member => ScimJson.Id(new JsonObject { ["id"] = member["value"]?.DeepClone() })).OfType<string>()]
            : [];
}

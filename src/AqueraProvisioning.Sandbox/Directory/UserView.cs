using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// A user as filters and mappings see it: the attributes, plus <c>id</c>, <c>enabled</c>,
/// <c>population{id,name}</c> and <c>memberOfGroups[{id,name}]</c>, the paths the directory metadata lists.
/// </summary>
internal static class UserView
{
    public static JsonObject Build(DirectoryUser user, PingOneDirectory directory)
    {
        var json = (JsonObject)JsonNode.Parse(user.Attributes.GetRawText())!;
        json["id"] = user.Id.ToString();
        json["enabled"] = user.Enabled;
        json["population"] = new JsonObject
        {
            ["id"] = user.PopulationId.ToString(),
            ["name"] = directory.Populations.Find(user.PopulationId)?.Name,
        };
        var groups = new JsonArray();
        foreach (var groupId in directory.GroupIdsOf(user.Id))
        {
            groups.Add(new JsonObject { ["id"] = groupId.ToString(), ["name"] = directory.Groups.Find(groupId)?.Name });
        }

        json["memberOfGroups"] = groups;
        return json;
    }
}

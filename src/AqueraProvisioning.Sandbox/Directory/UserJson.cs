using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>Renders a directory user the way PingOne's Users API returns it.</summary>
internal static class UserJson
{
    public static string Url(SandboxInfo info, System.Guid id) => ApiUrls.Item(info, "users", id);

    public static JsonObject Render(DirectoryUser user, SandboxInfo info)
    {
        var json = ResourceJson.Start(Url(info, user.Id), user.Id, info);
        foreach (var (key, value) in (JsonObject)JsonNode.Parse(user.Attributes.GetRawText())!)
        {
            if (!json.ContainsKey(key))
            {
                json[key] = value?.DeepClone();
            }
        }

        json["population"] = ResourceJson.Reference(user.PopulationId);
        json["enabled"] = user.Enabled;
        json["lifecycle"] = new JsonObject { ["status"] = "ACCOUNT_OK" };
        return ResourceJson.Finish(json, user.CreatedAt, user.UpdatedAt);
    }

    /// <summary>The user as a client would send it back: attributes plus population and enabled (the base of a PATCH).</summary>
    public static JsonObject Writable(DirectoryUser user)
    {
        var json = (JsonObject)JsonNode.Parse(user.Attributes.GetRawText())!;
        json["population"] = ResourceJson.Reference(user.PopulationId);
        json["enabled"] = user.Enabled;
        return json;
    }
}

using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// Renders a user or group as RFC 7643 has it: <c>schemas</c> (as the client sent them, or the core schema),
/// <c>id</c>, the stored attributes, for users the read-only <c>groups</c> they are members of, and <c>meta</c>.
/// </summary>
internal static class ScimResourceJson
{
    public static string Location(string scimUrl, ScimResourceKind kind, ScimResource resource) => $"{scimUrl}{kind.Endpoint}/{resource.ScimId}";

    public static JsonObject Render(ScimResource resource, ScimResourceKind kind, string scimUrl, ScimTenant tenant)
    {
        var attributes = (JsonObject)JsonNode.Parse(resource.Attributes.GetRawText())!;
        var rendered = new JsonObject { ["schemas"] = Schemas(attributes, kind), ["id"] = resource.ScimId };
        foreach (var (key, value) in attributes.ToArray())
        {
            if (key != "schemas")
            {
                attributes.Remove(key);
                rendered[key] = value;
            }
        }

        if (!kind.IsGroup && GroupsOf(resource, scimUrl, tenant) is { Count: > 0 } groups)
        {
            rendered["groups"] = groups;
        }

        rendered["meta"] = new JsonObject
        {
            ["resourceType"] = kind.ResourceType,
            ["created"] = IsoTime.Format(resource.Created),
            ["lastModified"] = IsoTime.Format(resource.LastModified),
            ["location"] = Location(scimUrl, kind, resource),
        };
        return rendered;
    }

    /// <summary>The member ids a group's <c>members</c> attribute names.</summary>
    public static string[] MemberIds(JsonElement groupAttributes) =>
        groupAttributes.ValueKind == JsonValueKind.Object
        && groupAttributes.TryGetProperty("members", out var members)
        && members.ValueKind == JsonValueKind.Array
            ? [.. members.EnumerateArray()
                .Where(member => member.ValueKind == JsonValueKind.Object && member.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String)
                .Select(member => member.GetProperty("value").GetString()!)]
            : [];

    private static JsonArray Schemas(JsonObject attributes, ScimResourceKind kind)
    {
        if (attributes["schemas"] is JsonArray given
            && given.All(schema => schema?.GetValueKind() == JsonValueKind.String)
            && given.Any(schema => string.Equals(schema!.GetValue<string>(), kind.Schema, StringComparison.OrdinalIgnoreCase)))
        {
            return (JsonArray)given.DeepClone();
        }

        return new JsonArray(kind.Schema);
    }

    private static JsonArray GroupsOf(ScimResource user, string scimUrl, ScimTenant tenant)
    {
        var groupKind = ScimResourceKind.Groups(tenant);
        return new JsonArray([.. tenant.Groups.Where(group => MemberIds(group.Attributes).Contains(user.ScimId))
            .Select(group => (JsonNode?)new JsonObject
            {
                ["value"] = group.ScimId,
                ["$ref"] = Location(scimUrl, groupKind, group),
                ["display"] = group.Name,
                ["type"] = "direct",
            })]);
    }
}

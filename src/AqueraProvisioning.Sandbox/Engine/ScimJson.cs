using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>Reading what a SCIM service answers, tolerantly as RFC 7644 allows (ids of any form, optional meta).</summary>
internal static class ScimJson
{
    /// <summary>The resource's <c>id</c> as text (a number is accepted), or null.</summary>
    public static string? Id(JsonNode? resource) =>
        resource is JsonObject json && AttributePath.Get(json, "id", out _) is JsonValue value
            ? value.GetValueKind() switch
            {
                JsonValueKind.String => value.GetValue<string>(),
                JsonValueKind.Number => value.ToJsonString(),
                _ => null,
            }
            : null;

    /// <summary>The first resource of a ListResponse (with or without <c>itemsPerPage</c>), or null when it has none.</summary>
    public static JsonObject? FirstResource(JsonNode? listResponse) =>
        listResponse is JsonObject list && AttributePath.Get(list, "Resources", out _) is JsonArray resources
            ? resources.OfType<JsonObject>().FirstOrDefault(resource => Id(resource) is not null)
            : null;

    /// <summary>A resource as a PUT sends it back: without <c>meta</c> and the read-only <c>groups</c>.</summary>
    public static JsonObject Writable(JsonObject resource)
    {
        var copy = (JsonObject)resource.DeepClone();
        foreach (var key in copy.Select(pair => pair.Key).Where(key => key.Equals("meta", System.StringComparison.OrdinalIgnoreCase) || key.Equals("groups", System.StringComparison.OrdinalIgnoreCase)).ToArray())
        {
            copy.Remove(key);
        }

        return copy;
    }

    /// <summary>Adds <paramref name="schema"/> to the resource's <c>schemas</c> unless it is there.</summary>
    public static void EnsureSchema(JsonObject resource, string schema)
    {
        if (AttributePath.Get(resource, "schemas", out var name) is not JsonArray schemas)
        {
            schemas = [];
            resource[name ?? "schemas"] = schemas;
        }

        if (!schemas.Any(item => item?.GetValueKind() == JsonValueKind.String && string.Equals(item.GetValue<string>(), schema, System.StringComparison.OrdinalIgnoreCase)))
        {
            schemas.Add(schema);
        }
    }

    /// <summary><c>active</c> as the service holds it; absent means active (RFC 7643 leaves it to the service).</summary>
    public static bool IsActive(JsonObject resource) =>
        AttributePath.Get(resource, "active", out _) is not JsonValue value || value.GetValueKind() != JsonValueKind.False;

    public static void SetActive(JsonObject resource, bool active)
    {
        AttributePath.Get(resource, "active", out var name);
        resource[name ?? "active"] = active;
    }
}

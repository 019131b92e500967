using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// Unknown top-level fields of a request body: kept and echoed back, so a client's read-modify-write can be proven
/// to keep them. Read-only fields a client sends back are never kept.
/// </summary>
internal static class ExtraFields
{
    /// <summary>The read-only fields every resource renders; sent back on a write, they are ignored.</summary>
    public static readonly string[] ReadOnly = ["_links", "_embedded", "id", "environment", "createdAt", "updatedAt"];

    /// <summary>The fields of <paramref name="body"/> that are neither in <paramref name="known"/> nor read-only; null when none.</summary>
    public static JsonElement? Keep(JsonObject body, IReadOnlyCollection<string> known)
    {
        var extra = new JsonObject();
        foreach (var (key, value) in body)
        {
            if (!known.Contains(key) && !ReadOnly.Contains(key))
            {
                extra[key] = value?.DeepClone();
            }
        }

        return extra.Count == 0 ? null : JsonSerializer.SerializeToElement(extra);
    }

    /// <summary>Adds the kept fields to a rendered resource, never over a field the sandbox renders itself.</summary>
    public static void AddTo(JsonObject json, JsonElement? extra)
    {
        if (extra is not { ValueKind: JsonValueKind.Object } fields)
        {
            return;
        }

        foreach (var field in fields.EnumerateObject())
        {
            if (!json.ContainsKey(field.Name))
            {
                json[field.Name] = JsonNode.Parse(field.Value.GetRawText());
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// Reads a dotted attribute path (<c>name.given</c>, or a SCIM path with a schema URN prefix such as
/// <c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value</c>) from a JSON object. Names match
/// case-insensitively; arrays on the way are flattened, so <c>emails.value</c> yields every email.
/// </summary>
internal static class AttributePath
{
    /// <summary>The schema URN (or null) and the dotted names after it.</summary>
    public static (string? Schema, string[] Names) Split(string path)
    {
        var colon = path.LastIndexOf(':');
        if (colon < 0)
        {
            return (null, path.Split('.'));
        }

        return (path[..colon], path[(colon + 1)..].Split('.'));
    }

    public static IReadOnlyList<JsonNode?> Values(JsonNode? subject, string path)
    {
        var (schema, names) = Split(path);
        var current = new List<JsonNode?> { subject };
        if (schema is not null)
        {
            current = Step(current, schema);
        }

        foreach (var name in names)
        {
            current = Step(current, name);
        }

        return current;
    }

    /// <summary>The property <paramref name="name"/> of <paramref name="json"/>, matched case-insensitively.</summary>
    public static JsonNode? Get(JsonObject json, string name, out string? actualName)
    {
        if (json.TryGetPropertyValue(name, out var exact))
        {
            actualName = name;
            return exact;
        }

        foreach (var (key, value) in json)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                actualName = key;
                return value;
            }
        }

        actualName = null;
        return null;
    }

    private static List<JsonNode?> Step(List<JsonNode?> nodes, string name)
    {
        var next = new List<JsonNode?>();
        foreach (var node in nodes)
        {
            foreach (var item in node is JsonArray array ? [.. array] : new[] { node })
            {
                if (item is JsonObject json && Get(json, name, out _) is { } value)
                {
                    if (value is JsonArray values)
                    {
                        next.AddRange(values);
                    }
                    else
                    {
                        next.Add(value);
                    }
                }
            }
        }

        return next;
    }
}

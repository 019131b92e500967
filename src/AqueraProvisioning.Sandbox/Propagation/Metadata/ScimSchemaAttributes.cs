using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// Turns a SCIM service's <c>/Schemas</c> answer (RFC 7643 §7, a ListResponse or a bare array) into the target
/// attribute paths mappings use: simple attributes by name, single complex ones as <c>name.sub</c>, multi-valued
/// complex ones per canonical type as <c>emails[type eq "work"].value</c>, extension attributes behind their schema
/// URN. Read-only attributes (id, meta, groups) are left out: nothing can be mapped onto them.
/// </summary>
internal static class ScimSchemaAttributes
{
    private const string CoreUserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static readonly string[] NotWritableSubAttributes = ["type", "primary", "display", "$ref"];

    public static IReadOnlyList<MetadataAttribute> From(JsonNode? schemas)
    {
        var resources = schemas switch
        {
            JsonArray array => array,
            JsonObject list when AttributePath.Get(list, "Resources", out _) is JsonArray array => array,
            _ => [],
        };
        var attributes = new List<MetadataAttribute>();
        foreach (var schema in resources.OfType<JsonObject>())
        {
            var id = JsonText.Of(schema["id"]) ?? string.Empty;
            var isCore = id.Equals(CoreUserSchema, StringComparison.OrdinalIgnoreCase);
            if (!isCore && !id.EndsWith(":User", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var attribute in Children(schema))
            {
                attributes.AddRange(Paths(attribute, isCore ? string.Empty : id + ":"));
            }
        }

        return attributes;
    }

    private static IEnumerable<MetadataAttribute> Paths(JsonObject attribute, string prefix)
    {
        var name = JsonText.Of(attribute["name"]);
        if (name is null || JsonText.Of(attribute["mutability"]) == "readOnly")
        {
            yield break;
        }

        var multiValued = attribute["multiValued"]?.GetValueKind() == JsonValueKind.True;
        var required = attribute["required"]?.GetValueKind() == JsonValueKind.True;
        var type = JsonText.Of(attribute["type"]) ?? "string";
        var subs = Children(attribute).Where(sub => JsonText.Of(sub["name"]) is { } subName && !NotWritableSubAttributes.Contains(subName)).ToArray();
        if (type != "complex")
        {
            yield return new MetadataAttribute(prefix + name, JsonText.Of(attribute["description"]) ?? name, type, required, multiValued);
            yield break;
        }

        if (!multiValued)
        {
            foreach (var sub in subs)
            {
                yield return new MetadataAttribute($"{prefix}{name}.{JsonText.Of(sub["name"])}", $"{name} {JsonText.Of(sub["name"])}", JsonText.Of(sub["type"]) ?? "string", required);
            }

            yield break;
        }

        var typeAttribute = Children(attribute).FirstOrDefault(sub => JsonText.Of(sub["name"]) == "type");
        var canonical = typeAttribute?["canonicalValues"] is JsonArray values && values.Count > 0
            ? values.Select(value => value?.ToString()).OfType<string>().ToArray()
            : ["work"];
        foreach (var kind in canonical)
        {
            foreach (var sub in subs)
            {
                yield return new MetadataAttribute($"{prefix}{name}[type eq \"{kind}\"].{JsonText.Of(sub["name"])}", $"{kind} {name} {JsonText.Of(sub["name"])}", JsonText.Of(sub["type"]) ?? "string");
            }
        }
    }

    private static IEnumerable<JsonObject> Children(JsonObject parent) =>
        (parent["attributes"] ?? parent["subAttributes"]) is JsonArray children ? children.OfType<JsonObject>() : [];
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace AqueraProvisioning.Core;

/// <summary>
/// Reads the attributes out of a store metadata answer. No schema pins the answer down, so every shape seen is
/// taken: <c>attributeMetadata.userAttributes</c> (or <c>attributes</c>) as a list of objects, as an object keyed
/// by name, or as plain names; <c>required</c> and <c>multiValued</c> as booleans or as text.
/// </summary>
internal static class StoreMetadataReader
{
    public static List<AqueraAttributeMetadata> Read(IReadOnlyDictionary<string, JsonElement> body)
    {
        var found = new List<AqueraAttributeMetadata>();
        if (!body.TryGetValue("attributeMetadata", out JsonElement metadata))
        {
            return found;
        }

        JsonElement? attributes = metadata.ValueKind switch
        {
            JsonValueKind.Array => metadata,
            JsonValueKind.Object => Member(metadata, "userAttributes") ?? Member(metadata, "attributes"),
            _ => null,
        };
        if (attributes is { ValueKind: JsonValueKind.Array } list)
        {
            foreach (JsonElement item in list.EnumerateArray())
            {
                AqueraAttributeMetadata? attribute = item.ValueKind == JsonValueKind.String
                    ? new AqueraAttributeMetadata { Name = item.GetString() ?? string.Empty }
                    : item.ValueKind == JsonValueKind.Object ? Describe(Text(item, "name"), item) : null;
                Add(found, attribute);
            }
        }
        else if (attributes is { ValueKind: JsonValueKind.Object } map)
        {
            foreach (JsonProperty entry in map.EnumerateObject())
            {
                Add(found, entry.Value.ValueKind == JsonValueKind.Object ? Describe(entry.Name, entry.Value) : new AqueraAttributeMetadata { Name = entry.Name });
            }
        }

        return found;
    }

    private static void Add(List<AqueraAttributeMetadata> found, AqueraAttributeMetadata? attribute)
    {
        if (attribute != null && attribute.Name.Length > 0 && !found.Any(a => string.Equals(a.Name, attribute.Name, StringComparison.OrdinalIgnoreCase)))
        {
            found.Add(attribute);
        }
    }

    private static AqueraAttributeMetadata Describe(string? name, JsonElement item) => new AqueraAttributeMetadata
    {
        Name = name ?? string.Empty,
        DisplayName = Text(item, "displayName"),
        Type = Text(item, "type"),
        Required = Flag(item, "required"),
        MultiValued = Flag(item, "multiValued"),
    };

    private static JsonElement? Member(JsonElement item, string name) =>
        item.TryGetProperty(name, out JsonElement value) ? value : null;

    private static string? Text(JsonElement item, string name) =>
        Member(item, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static bool Flag(JsonElement item, string name) => Member(item, name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.String } text => bool.TryParse(text.GetString(), out bool value) && value,
        _ => false,
    };
}

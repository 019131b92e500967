using System;
using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>Reads references such as <c>"plan":{"id":"..."}</c>, recording validation errors on <c>plan.id</c>.</summary>
internal static class JsonReferences
{
    /// <summary>
    /// The referenced id, or null when absent (REQUIRED_VALUE if <paramref name="required"/>) or malformed
    /// (INVALID_VALUE). <paramref name="exists"/> says whether an id names something real.
    /// </summary>
    public static Guid? Read(JsonObject json, string key, ValidationErrors errors, bool required, Func<Guid, bool> exists, string kind)
    {
        var target = key + ".id";
        if (json[key] is null)
        {
            if (required)
            {
                errors.Required(target);
            }

            return null;
        }

        var reference = JsonFields.Object(json, key, key, errors, required);
        if (reference is null)
        {
            return null;
        }

        var text = JsonFields.String(reference, "id", target, errors, required: true);
        if (text is null)
        {
            return null;
        }

        if (!Guid.TryParse(text, out var id) || !exists(id))
        {
            errors.Invalid(target, $"{target} must be the id of an existing {kind}; {text} is not one.");
            return null;
        }

        return id;
    }

    /// <summary>
    /// A reference that never changes: absent means <paramref name="fixedId"/> (required when there is none),
    /// and a different id than <paramref name="fixedId"/> is refused.
    /// </summary>
    public static Guid? Immutable(JsonObject body, string key, Guid? fixedId, Func<Guid, bool> exists, string kind, ValidationErrors errors)
    {
        if (body[key] is null && fixedId is not null)
        {
            return fixedId;
        }

        var before = errors.Count;
        var id = Read(body, key, errors, required: true, exists, kind);
        if (id is not null && fixedId is not null && id != fixedId && errors.Count == before)
        {
            errors.Invalid(key + ".id", $"{key}.id cannot be changed; it is {fixedId}.");
            return null;
        }

        return id;
    }

    /// <summary>Reads <c>[{"id":...}, ...]</c> into ids; absent is an empty list.</summary>
    public static Guid[] ReadList(JsonObject json, string key, ValidationErrors errors, Func<Guid, bool> exists, string kind)
    {
        if (!json.TryGetPropertyValue(key, out var node) || node is null)
        {
            return [];
        }

        if (node is not JsonArray array)
        {
            errors.Invalid(key, $"{key} must be an array of {{\"id\": ...}} objects.");
            return [];
        }

        var ids = new Guid[array.Count];
        for (var i = 0; i < array.Count; i++)
        {
            var target = $"{key}[{i}].id";
            var text = array[i] is JsonObject item ? JsonText.Of(item["id"]) : null;
            if (text is null || !Guid.TryParse(text, out ids[i]) || !exists(ids[i]))
            {
                errors.Invalid(target, $"{target} must be the id of an existing {kind}.");
            }
        }

        return ids;
    }
}

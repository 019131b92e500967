using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// Typed reads of request fields that record a validation error instead of throwing. A JSON null counts as absent,
/// so only required fields fail on it. Absent or null → REQUIRED_VALUE; present but wrong → INVALID_VALUE.
/// </summary>
internal static class JsonFields
{
    public static string? String(JsonObject json, string key, string target, ValidationErrors errors, bool required, int maxLength = int.MaxValue)
    {
        if (!TryGet(json, key, target, errors, required, out var node))
        {
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            errors.Invalid(target, $"{target} must be a string.");
            return null;
        }

        var text = node.GetValue<string>();
        if (required && string.IsNullOrWhiteSpace(text))
        {
            errors.Invalid(target, $"{target} must not be empty.");
            return null;
        }

        if (text.Length > maxLength)
        {
            errors.Invalid(
                target,
                $"{target} must be at most {maxLength} characters long.",
                new JsonObject { ["rangeMinimumValue"] = required ? 1 : 0, ["rangeMaximumValue"] = maxLength });
            return null;
        }

        return text;
    }

    /// <summary>A string that must be one of <paramref name="allowed"/>, compared case-sensitively as PingOne does.</summary>
    public static string? OneOf(JsonObject json, string key, string target, IReadOnlyCollection<string> allowed, ValidationErrors errors, bool required)
    {
        if (!TryGet(json, key, target, errors, required, out var node))
        {
            return null;
        }

        if (node.GetValueKind() == JsonValueKind.String && allowed.Contains(node.GetValue<string>()))
        {
            return node.GetValue<string>();
        }

        errors.NotOneOf(target, allowed);
        return null;
    }

    public static bool? Boolean(JsonObject json, string key, string target, ValidationErrors errors)
    {
        if (!TryGet(json, key, target, errors, required: false, out var node))
        {
            return null;
        }

        var kind = node.GetValueKind();
        if (kind is JsonValueKind.True or JsonValueKind.False)
        {
            return kind == JsonValueKind.True;
        }

        errors.Invalid(target, $"{target} must be a JSON boolean (true or false).");
        return null;
    }

    public static int? Integer(JsonObject json, string key, string target, int minimum, int maximum, ValidationErrors errors, bool required = false)
    {
        if (!TryGet(json, key, target, errors, required, out var node))
        {
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<int>(out var number) && number >= minimum && number <= maximum)
        {
            return number;
        }

        errors.Invalid(
            target,
            $"{target} must be a whole number from {minimum} to {maximum}.",
            new JsonObject { ["rangeMinimumValue"] = minimum, ["rangeMaximumValue"] = maximum });
        return null;
    }

    public static JsonObject? Object(JsonObject json, string key, string target, ValidationErrors errors, bool required)
    {
        if (!TryGet(json, key, target, errors, required, out var node))
        {
            return null;
        }

        if (node is JsonObject value)
        {
            return value;
        }

        errors.Invalid(target, $"{target} must be a JSON object.");
        return null;
    }

    private static bool TryGet(JsonObject json, string key, string target, ValidationErrors errors, bool required, [NotNullWhen(true)] out JsonNode? node)
    {
        if (json.TryGetPropertyValue(key, out var value) && value is not null)
        {
            node = value;
            return true;
        }

        if (required)
        {
            errors.Required(target);
        }

        node = null;
        return false;
    }
}

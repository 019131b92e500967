using System.Text.Json;
using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>Reading a JSON string without validation, where a missing or non-string value simply means none.</summary>
internal static class JsonText
{
    /// <summary>The node's string value, or null when the node is absent or not a JSON string.</summary>
    public static string? Of(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}

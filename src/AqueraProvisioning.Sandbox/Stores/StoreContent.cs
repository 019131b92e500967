using System.Text.Json;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// The client-writable part of a propagation store: what POST sets and PUT replaces as a whole.
/// JSON parts are kept as <see cref="JsonElement"/> because it is immutable and safe to read from many threads.
/// </summary>
/// <param name="Name">Connection name.</param>
/// <param name="Description">Optional description.</param>
/// <param name="Type">Store type, for example <c>Aquera</c>.</param>
/// <param name="Status"><c>ACTIVE</c> or <c>INACTIVE</c>.</param>
/// <param name="Managed">Deprovision users when the store is deleted.</param>
/// <param name="Image">Optional <c>image</c> object.</param>
/// <param name="Configuration">The <c>configuration</c> object as stored, secrets included; null when a
/// <c>directory</c> store was created without one.</param>
public sealed record StoreContent(
    string Name,
    string? Description,
    string Type,
    string Status,
    bool Managed,
    JsonElement? Image,
    JsonElement? Configuration)
{
    /// <summary>A configuration value as text, or null when absent or not a string.</summary>
    /// <param name="key">Configuration key, for example <c>ACCESS_TOKEN</c>.</param>
    public string? ConfigurationString(string key) =>
        Configuration is { ValueKind: JsonValueKind.Object } configuration
        && configuration.TryGetProperty(key, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}

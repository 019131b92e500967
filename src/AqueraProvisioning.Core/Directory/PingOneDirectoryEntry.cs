using System.Text.Json.Serialization;

namespace AqueraProvisioning.Core;

/// <summary>A population or a group of the PingOne directory as it travels on the wire; only what a rule needs.</summary>
internal sealed class PingOneDirectoryEntry
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>Populations only: the environment's default population.</summary>
    [JsonPropertyName("default")]
    public bool? Default { get; set; }
}

using System.Text.Json.Serialization;

namespace AqueraProvisioning.Core;

/// <summary>A PingOne directory user as it travels on the wire; only what a provisioning status needs.</summary>
internal sealed class PingOneUser
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("username")]
    public string? Username { get; set; }

    [JsonPropertyName("email")]
    public string? Email { get; set; }

    [JsonPropertyName("enabled")]
    public bool? Enabled { get; set; }

    [JsonPropertyName("population")]
    public ResourceReference? Population { get; set; }
}

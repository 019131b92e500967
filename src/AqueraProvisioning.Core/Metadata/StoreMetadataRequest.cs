using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AqueraProvisioning.Core;

/// <summary>
/// The body of <c>POST /propagation/storeMetadata/{type}</c>: empty for the static metadata, or a configuration,
/// wrapped as <c>{"type","configuration"}</c> or with the keys at the top level (<see cref="Flat"/>).
/// </summary>
internal sealed class StoreMetadataRequest
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("configuration")]
    public Dictionary<string, JsonElement>? Configuration { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Flat { get; set; }
}

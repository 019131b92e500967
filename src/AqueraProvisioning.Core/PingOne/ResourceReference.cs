using System.Text.Json.Serialization;

namespace AqueraProvisioning.Core;

/// <summary>A <c>{ "id": ... }</c> reference, such as a store's <c>environment</c>.</summary>
internal sealed class ResourceReference
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }
}

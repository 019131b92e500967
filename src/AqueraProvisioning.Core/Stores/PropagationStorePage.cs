using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace AqueraProvisioning.Core;

/// <summary>One page of <c>GET /propagation/stores</c>: HAL <c>_embedded.stores</c> and <c>_links.next</c>.</summary>
internal sealed class PropagationStorePage
{
    [JsonPropertyName("_embedded")]
    public EmbeddedStores? Embedded { get; set; }

    [JsonPropertyName("_links")]
    public PageLinks? Links { get; set; }

    internal sealed class EmbeddedStores
    {
        [JsonPropertyName("stores")]
        public List<PropagationStore>? Stores { get; set; }
    }

    internal sealed class PageLinks
    {
        [JsonPropertyName("next")]
        public Link? Next { get; set; }
    }

    internal sealed class Link
    {
        [JsonPropertyName("href")]
        public string? Href { get; set; }
    }
}

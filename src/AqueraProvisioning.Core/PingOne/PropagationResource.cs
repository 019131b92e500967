using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AqueraProvisioning.Core;

/// <summary>
/// What every propagation resource (plan, rule, mapping) carries on the wire: its id, environment, timestamps and
/// links, all read-only, and the members this version does not know, kept in <see cref="Extra"/> so a
/// read-modify-write sends them back as they came.
/// </summary>
internal abstract class PropagationResource
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("environment")]
    public ResourceReference? Environment { get; set; }

    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; set; }

    [JsonPropertyName("updatedAt")]
    public DateTimeOffset? UpdatedAt { get; set; }

    [JsonPropertyName("_links")]
    public JsonElement? Links { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>A copy of <see cref="Extra"/> for a replacement body, so changing one never changes the other.</summary>
    protected Dictionary<string, JsonElement>? CopyExtra() => Extra is null ? null : new Dictionary<string, JsonElement>(Extra, StringComparer.Ordinal);
}

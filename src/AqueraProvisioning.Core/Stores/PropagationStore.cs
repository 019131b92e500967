using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AqueraProvisioning.Core;

/// <summary>
/// A propagation store as it travels on the wire. Configuration stays a free-form map of raw JSON values and any
/// top-level member this version does not know is kept in <see cref="Extra"/>, so a read-modify-write sends back
/// exactly what came, changed only where asked.
/// </summary>
internal sealed class PropagationStore
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("environment")]
    public ResourceReference? Environment { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("managed")]
    public bool? Managed { get; set; }

    [JsonPropertyName("image")]
    public JsonElement? Image { get; set; }

    [JsonPropertyName("configuration")]
    public Dictionary<string, JsonElement>? Configuration { get; set; }

    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; set; }

    [JsonPropertyName("updatedAt")]
    public DateTimeOffset? UpdatedAt { get; set; }

    [JsonPropertyName("syncStatus")]
    public PropagationSyncStatus? SyncStatus { get; set; }

    [JsonPropertyName("_links")]
    public JsonElement? Links { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>The body of a PUT: everything but the read-only members.</summary>
    public PropagationStore ToReplacement() => new PropagationStore
    {
        Name = Name,
        Description = Description,
        Type = Type,
        Status = Status,
        Managed = Managed,
        Image = Image,
        Configuration = Configuration is null ? null : new Dictionary<string, JsonElement>(Configuration, StringComparer.Ordinal),
        Extra = Extra,
    };
}

using System;
using System.Text.Json.Serialization;

namespace AqueraProvisioning.Core;

/// <summary>A propagation revision: the snapshot PingOne takes so the admin console shows API changes.</summary>
public sealed class PropagationRevision
{
    /// <summary>The revision id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>When it was created.</summary>
    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; set; }
}

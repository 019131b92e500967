using System;
using System.Text.Json.Serialization;

namespace AqueraProvisioning.Core;

/// <summary>A store's read-only <c>syncStatus</c>.</summary>
internal sealed class PropagationSyncStatus
{
    [JsonPropertyName("syncState")]
    public string? SyncState { get; set; }

    [JsonPropertyName("lastSyncAt")]
    public DateTimeOffset? LastSyncAt { get; set; }

    [JsonPropertyName("details")]
    public string? Details { get; set; }
}

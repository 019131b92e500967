using System;
using System.Text.Json.Serialization;

namespace AqueraProvisioning.Core;

/// <summary>
/// A store's read-only <c>syncStatus</c>. The counters restart at each revision; they are read leniently (a number
/// sent as text is still a number) because no schema pins them down.
/// </summary>
internal sealed class PropagationSyncStatus
{
    [JsonPropertyName("syncState")]
    public string? SyncState { get; set; }

    [JsonPropertyName("lastSyncAt")]
    public DateTimeOffset? LastSyncAt { get; set; }

    [JsonPropertyName("successCount")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public int? SuccessCount { get; set; }

    [JsonPropertyName("failedCount")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public int? FailedCount { get; set; }

    [JsonPropertyName("failedDeprovisionCount")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public int? FailedDeprovisionCount { get; set; }

    [JsonPropertyName("userTotal")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public int? UserTotal { get; set; }

    [JsonPropertyName("details")]
    public string? Details { get; set; }
}

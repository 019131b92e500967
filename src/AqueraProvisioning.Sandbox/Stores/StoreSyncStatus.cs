using System;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// A store's <c>syncStatus</c>: reset when a revision starts a resync of an active Aquera store, then kept by the
/// propagation engine.
/// </summary>
/// <param name="SyncState"><c>SYNCING</c> or <c>FAILED</c>.</param>
/// <param name="LastSyncAt">When the last sync started.</param>
/// <param name="SuccessCount">Successful sync events since the last revision.</param>
/// <param name="FailedCount">Failed sync events since the last revision.</param>
/// <param name="FailedDeprovisionCount">Failed deprovisioning events since the last revision.</param>
/// <param name="UserTotal">Users that will synchronize.</param>
/// <param name="Details">The latest failure's reason since the last revision; null when nothing failed.</param>
public sealed record StoreSyncStatus(
    string SyncState,
    DateTimeOffset LastSyncAt,
    int SuccessCount,
    int FailedCount,
    int FailedDeprovisionCount,
    int UserTotal,
    string? Details = null);

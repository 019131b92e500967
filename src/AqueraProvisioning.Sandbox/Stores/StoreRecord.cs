using System;

namespace AqueraProvisioning.Sandbox;

/// <summary>A propagation store as the sandbox holds it, secrets included.</summary>
/// <param name="Id">Store id.</param>
/// <param name="Sequence">Creation order; listing and cursors use it so pages stay stable while stores change.</param>
/// <param name="Content">The client-writable fields.</param>
/// <param name="CreatedAt">Creation time (UTC).</param>
/// <param name="UpdatedAt">Last write time (UTC).</param>
/// <param name="SyncStatus">Absent until a revision starts a sync of this store.</param>
public sealed record StoreRecord(
    Guid Id,
    long Sequence,
    StoreContent Content,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    StoreSyncStatus? SyncStatus) : ICollectionItem;

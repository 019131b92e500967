using System;
using System.Collections.Generic;
using System.Threading;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// The environment's propagation stores, in an <see cref="InMemoryCollection{T}"/> whose lock the rules and
/// mappings share, so "a store in use by a rule cannot be deleted" holds under concurrent writes.
/// </summary>
public sealed class StoreRepository
{
    private readonly InMemoryCollection<StoreRecord> stores;

    internal StoreRepository(Lock propagationGate) => stores = new InMemoryCollection<StoreRecord>(propagationGate);

    /// <summary>Number of stores.</summary>
    public int Count => stores.Count;

    /// <summary>Every store, in creation order.</summary>
    public IReadOnlyList<StoreRecord> Snapshot() => stores.Snapshot();

    /// <summary>The store with <paramref name="id"/>, secrets included, or null.</summary>
    /// <param name="id">Store id.</param>
    public StoreRecord? Find(Guid id) => stores.Find(id);

    internal InMemoryCollection<StoreRecord> Items => stores;

    internal StoreRecord Add(StoreContent content) => stores.Add((id, sequence) => New(id, sequence, content));

    /// <summary>Adds with a caller-chosen id (raw inserts); null when that id is taken.</summary>
    internal StoreRecord? TryAdd(Guid id, StoreContent content) => stores.TryAdd(id, (_, sequence) => New(id, sequence, content));

    internal StoreRecord? Replace(Guid id, StoreContent content) =>
        stores.Replace(id, current => current with { Content = content, UpdatedAt = IsoTime.After(current.UpdatedAt) });

    internal bool Remove(Guid id) => stores.Remove(id) is not null;

    /// <summary>Changes a store's <c>syncStatus</c> only; <c>updatedAt</c> stays, as the client did not write.</summary>
    internal StoreRecord? SetSyncStatus(Guid id, Func<StoreSyncStatus?, StoreSyncStatus> change) =>
        stores.Replace(id, current => current with { SyncStatus = change(current.SyncStatus) });

    /// <summary>
    /// Restarts the <c>syncStatus</c> counters of the stores <paramref name="selector"/> picks, as a new revision
    /// does; <paramref name="lastSyncAt"/> says when each store's sync is (or will be first) recorded.
    /// </summary>
    internal void StartSync(Func<StoreRecord, bool> selector, Func<StoreRecord, DateTimeOffset> lastSyncAt) =>
        stores.ReplaceAll(store => selector(store) ? store with { SyncStatus = new StoreSyncStatus("SYNCING", lastSyncAt(store), 0, 0, 0, 0) } : null);

    internal void Clear() => stores.Clear();

    private static StoreRecord New(Guid id, long sequence, StoreContent content)
    {
        var now = IsoTime.Now();
        return new StoreRecord(id, sequence, content, now, now, null);
    }
}

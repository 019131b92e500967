using System;
using System.Collections.Generic;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// The environment's propagation stores. One lock guards both the creation-ordered list and the id index, so
/// concurrent writers (the benchmark, <c>ForEach-Object -Parallel</c>) never see them disagree.
/// </summary>
public sealed class StoreRepository
{
    private readonly LockedList<StoreRecord> ordered = new();

    // Only touched inside ordered.Locked, so the list's lock guards it too.
    private readonly Dictionary<Guid, StoreRecord> byId = [];
    private long lastSequence;

    /// <summary>Number of stores.</summary>
    public int Count => ordered.Count;

    /// <summary>Every store, in creation order.</summary>
    public IReadOnlyList<StoreRecord> Snapshot() => ordered.Snapshot();

    /// <summary>The store with <paramref name="id"/>, secrets included, or null.</summary>
    /// <param name="id">Store id.</param>
    public StoreRecord? Find(Guid id) => ordered.Locked(_ => byId.GetValueOrDefault(id));

    internal StoreRecord Add(StoreContent content) => ordered.Locked(list => AddLocked(list, Guid.NewGuid(), content));

    /// <summary>Adds with a caller-chosen id (raw inserts); null when that id is taken.</summary>
    internal StoreRecord? TryAdd(Guid id, StoreContent content) =>
        ordered.Locked(list => byId.ContainsKey(id) ? null : AddLocked(list, id, content));

    internal StoreRecord? Replace(Guid id, StoreContent content) => ordered.Locked(list =>
    {
        if (!byId.TryGetValue(id, out var current))
        {
            return null;
        }

        // updatedAt must visibly move even when two writes land within the same millisecond.
        var now = IsoTime.Now();
        var updatedAt = now > current.UpdatedAt ? now : current.UpdatedAt.AddMilliseconds(1);
        return Swap(list, current, current with { Content = content, UpdatedAt = updatedAt });
    });

    internal bool Remove(Guid id) => ordered.Locked(list =>
    {
        if (!byId.Remove(id, out var record))
        {
            return false;
        }

        list.RemoveAt(IndexAfter(list, record.Sequence - 1));
        return true;
    });

    internal StorePage Page(long afterSequence, int limit) => ordered.Locked(list =>
    {
        var start = IndexAfter(list, afterSequence);
        var count = Math.Min(limit, list.Count - start);
        return new StorePage(list.GetRange(start, count), list.Count, start + count < list.Count);
    });

    /// <summary>Marks the stores <paramref name="selector"/> picks as syncing, as a new revision does.</summary>
    internal void StartSync(Func<StoreRecord, bool> selector, DateTimeOffset now) => ordered.Locked(list =>
    {
        foreach (var record in list.ToArray())
        {
            if (selector(record))
            {
                Swap(list, record, record with { SyncStatus = new StoreSyncStatus("SYNCING", now, 0, 0, 0, 0) });
            }
        }

        return true;
    });

    internal void Clear() => ordered.Locked(list =>
    {
        list.Clear();
        byId.Clear();
        return true;
    });

    private StoreRecord AddLocked(List<StoreRecord> list, Guid id, StoreContent content)
    {
        var now = IsoTime.Now();
        var record = new StoreRecord(id, ++lastSequence, content, now, now, null);
        byId.Add(id, record);
        list.Add(record);
        return record;
    }

    private StoreRecord Swap(List<StoreRecord> list, StoreRecord current, StoreRecord replacement)
    {
        byId[current.Id] = replacement;
        list[IndexAfter(list, current.Sequence - 1)] = replacement;
        return replacement;
    }

    // The list is sorted by Sequence because sequences only grow, so a binary search finds a cursor's position.
    private static int IndexAfter(List<StoreRecord> list, long sequence)
    {
        int low = 0, high = list.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (list[middle].Sequence <= sequence)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}

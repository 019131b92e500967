using System;
using System.Collections.Generic;
using System.Threading;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// The in-memory store behind every sandbox resource: items in creation order plus an id index, both behind one
/// lock so concurrent writers (the benchmark, <c>ForEach-Object -Parallel</c>) never see them disagree. Items are
/// immutable records; a change swaps the record. Collections that need checks across each other (a rule and
/// the stores it names) share one <see cref="Lock"/>, which is re-entrant, so a compound check-then-write runs
/// inside <see cref="Locked{TResult}"/>.
/// </summary>
internal sealed class InMemoryCollection<T>
    where T : class, ICollectionItem
{
    private readonly Lock gate;
    private readonly List<T> ordered = [];
    private readonly Dictionary<Guid, T> byId = [];
    private long lastSequence;

    public InMemoryCollection(Lock? sharedGate = null) => gate = sharedGate ?? new Lock();

    public int Count
    {
        get
        {
            lock (gate)
            {
                return ordered.Count;
            }
        }
    }

    public IReadOnlyList<T> Snapshot() => Locked(() => ordered.ToArray());

    public T? Find(Guid id) => Locked(() => byId.GetValueOrDefault(id));

    /// <summary>The first item in creation order that <paramref name="match"/> accepts, or null.</summary>
    public T? FindFirst(Predicate<T> match) => Locked(() => ordered.Find(match));

    public IReadOnlyList<T> Where(Predicate<T> match) => Locked(() => ordered.FindAll(match));

    /// <summary>Adds the item <paramref name="create"/> builds from a new id and the next sequence.</summary>
    public T Add(Func<Guid, long, T> create) => Locked(() => AddLocked(Guid.NewGuid(), create));

    /// <summary>Adds with a caller-chosen id (raw inserts, seeds); null when that id is taken.</summary>
    public T? TryAdd(Guid id, Func<Guid, long, T> create) => Locked(() => byId.ContainsKey(id) ? null : AddLocked(id, create));

    /// <summary>Swaps the item with <paramref name="id"/> for what <paramref name="change"/> makes of it; null when absent.</summary>
    public T? Replace(Guid id, Func<T, T> change) => Locked(() =>
        byId.TryGetValue(id, out var current) ? Swap(current, change(current)) : null);

    /// <summary>Swaps every item <paramref name="change"/> returns a new record for (null keeps the item).</summary>
    public void ReplaceAll(Func<T, T?> change) => Locked(() =>
    {
        foreach (var item in ordered.ToArray())
        {
            if (change(item) is { } replacement)
            {
                Swap(item, replacement);
            }
        }

        return true;
    });

    /// <summary>Removes the item with <paramref name="id"/> and returns it; null when absent.</summary>
    public T? Remove(Guid id) => Locked(() =>
    {
        if (!byId.Remove(id, out var item))
        {
            return null;
        }

        ordered.RemoveAt(IndexAfter(item.Sequence - 1));
        return item;
    });

    /// <summary>Removes every item <paramref name="match"/> accepts and returns them in creation order.</summary>
    public IReadOnlyList<T> RemoveAll(Predicate<T> match) => Locked(() =>
    {
        var removed = ordered.FindAll(match);
        foreach (var item in removed)
        {
            byId.Remove(item.Id);
        }

        ordered.RemoveAll(match);
        return removed;
    });

    /// <summary>
    /// Up to <paramref name="limit"/> items created after <paramref name="afterSequence"/> that
    /// <paramref name="match"/> accepts (all when null), with the total of accepted items.
    /// </summary>
    public CollectionPage<T> Page(long afterSequence, int limit, Predicate<T>? match = null) => Locked(() =>
    {
        var start = IndexAfter(afterSequence);
        if (match is null)
        {
            var count = Math.Min(limit, ordered.Count - start);
            return new CollectionPage<T>(ordered.GetRange(start, count), ordered.Count, start + count < ordered.Count);
        }

        // One pass: every match counts towards the total; those after the cursor fill the page, and one more means
        // a later page exists.
        var items = new List<T>();
        var total = 0;
        var hasMore = false;
        for (var i = 0; i < ordered.Count; i++)
        {
            if (!match(ordered[i]))
            {
                continue;
            }

            total++;
            if (i < start)
            {
                continue;
            }

            if (items.Count < limit)
            {
                items.Add(ordered[i]);
            }
            else
            {
                hasMore = true;
            }
        }

        return new CollectionPage<T>(items, total, hasMore);
    });

    public void Clear() => Locked(() =>
    {
        ordered.Clear();
        byId.Clear();
        return true;
    });

    /// <summary>Runs <paramref name="action"/> under the collection's (possibly shared) lock.</summary>
    public TResult Locked<TResult>(Func<TResult> action)
    {
        lock (gate)
        {
            return action();
        }
    }

    private T AddLocked(Guid id, Func<Guid, long, T> create)
    {
        var item = create(id, ++lastSequence);
        byId.Add(item.Id, item);
        ordered.Add(item);
        return item;
    }

    private T Swap(T current, T replacement)
    {
        byId[current.Id] = replacement;
        ordered[IndexAfter(current.Sequence - 1)] = replacement;
        return replacement;
    }

    // The list is sorted by Sequence because sequences only grow, so a binary search finds a cursor's position.
    private int IndexAfter(long sequence)
    {
        int low = 0, high = ordered.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (ordered[middle].Sequence <= sequence)
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

using System;
using System.Collections.Generic;
using System.Threading;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// A list behind one lock, for the in-memory collections that concurrent requests share. Compound operations
/// (check then add, find then replace) go through <see cref="Locked{TResult}"/> so they stay atomic.
/// </summary>
internal sealed class LockedList<T>
{
    private readonly Lock gate = new();
    private readonly List<T> items = [];

    public int Count => Locked(list => list.Count);

    public IReadOnlyList<T> Snapshot() => Locked(list => list.ToArray());

    public T? Find(Predicate<T> match) => Locked(list => list.Find(match));

    public void Clear() => Locked(list =>
    {
        list.Clear();
        return true;
    });

    public TResult Locked<TResult>(Func<List<T>, TResult> action)
    {
        lock (gate)
        {
            return action(items);
        }
    }
}

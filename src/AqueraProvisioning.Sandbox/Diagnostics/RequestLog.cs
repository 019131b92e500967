using System.Collections.Generic;
using System.Threading;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// Thread-safe, append-only log of /v1 and token requests, bounded so a long benchmark cannot exhaust memory.
/// An entry is written when its answer is done, which for a slow request can be after a clear; such an entry
/// belongs to the time before the clear and is dropped, so a test that clears (or resets) never sees a request
/// an earlier test sent.
/// </summary>
public sealed class RequestLog
{
    /// <summary>Entries kept at most; the oldest are dropped first.</summary>
    public const int Capacity = 100_000;

    private readonly Lock gate = new();
    private readonly Queue<RequestLogEntry> entries = new();
    private int generation;

    /// <summary>A copy of the entries, oldest first.</summary>
    public IReadOnlyList<RequestLogEntry> Snapshot()
    {
        lock (gate)
        {
            return [.. entries];
        }
    }

    /// <summary>Forgets every entry.</summary>
    public void Clear()
    {
        lock (gate)
        {
            entries.Clear();
            generation++;
        }
    }

    /// <summary>Marks the arrival of a request; pass the result to <see cref="Add"/>.</summary>
    internal int Arrival()
    {
        lock (gate)
        {
            return generation;
        }
    }

    internal void Add(RequestLogEntry entry, int arrival)
    {
        lock (gate)
        {
            if (arrival != generation)
            {
                return;
            }

            if (entries.Count == Capacity)
            {
                entries.Dequeue();
            }

            entries.Enqueue(entry);
        }
    }
}

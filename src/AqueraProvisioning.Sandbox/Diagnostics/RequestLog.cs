using System.Collections.Generic;
using System.Threading;

namespace AqueraProvisioning.Sandbox;

/// <summary>Thread-safe, append-only log of /v1 and token requests, bounded so a long benchmark cannot exhaust memory.</summary>
public sealed class RequestLog
{
    /// <summary>Entries kept at most; the oldest are dropped first.</summary>
    public const int Capacity = 100_000;

    private readonly Lock gate = new();
    private readonly Queue<RequestLogEntry> entries = new();

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
        }
    }

    internal void Add(RequestLogEntry entry)
    {
        lock (gate)
        {
            if (entries.Count == Capacity)
            {
                entries.Dequeue();
            }

            entries.Enqueue(entry);
        }
    }
}

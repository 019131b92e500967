using System;
using System.Collections.Generic;
using System.Linq;

namespace AqueraProvisioning.Core;

/// <summary>One page of a PingOne collection and where the next page is.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class PingOnePage<T>
{
    internal PingOnePage(IReadOnlyList<T> items, Uri? next)
    {
        Items = items;
        Next = next;
    }

    /// <summary>The items on this page.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>The next page, or null on the last.</summary>
    public Uri? Next { get; }

    /// <summary>The same page with the items that match, each mapped; the next link stays.</summary>
    internal PingOnePage<TResult> Select<TResult>(Func<T, bool> match, Func<T, TResult> map) =>
        new PingOnePage<TResult>(Items.Where(match).Select(map).ToList(), Next);
}

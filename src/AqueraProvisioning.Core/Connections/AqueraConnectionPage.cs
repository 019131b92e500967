using System;
using System.Collections.Generic;

namespace AqueraProvisioning.Core;

/// <summary>One page of connections (Aquera stores only) and where the next page is.</summary>
public sealed class AqueraConnectionPage
{
    internal AqueraConnectionPage(IReadOnlyList<AqueraConnection> items, Uri? next)
    {
        Items = items;
        Next = next;
    }

    /// <summary>The Aquera connections on this page.</summary>
    public IReadOnlyList<AqueraConnection> Items { get; }

    /// <summary>The next page, or null on the last.</summary>
    public Uri? Next { get; }
}

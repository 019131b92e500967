using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core;

/// <summary>Walks the pages of any collection, raw or mapped, by their next links.</summary>
internal static class Paging
{
    /// <summary>Every item, page by page; <paramref name="getPage"/> gets null for the first page.</summary>
    public static async Task<IReadOnlyList<T>> ListAllAsync<T>(Func<Uri?, Task<PingOnePage<T>>> getPage)
    {
        var all = new List<T>();
        Uri? next = null;
        do
        {
            PingOnePage<T> page = await getPage(next).ConfigureAwait(false);
            all.AddRange(page.Items);
            next = page.Next;
        }
        while (next != null);
        return all;
    }

    /// <summary>The first item that matches, reading only as many pages as it takes; null when none does.</summary>
    public static async Task<T?> FindAsync<T>(Func<Uri?, Task<PingOnePage<T>>> getPage, Func<T, bool> match)
        where T : class
    {
        Uri? next = null;
        do
        {
            PingOnePage<T> page = await getPage(next).ConfigureAwait(false);
            foreach (T item in page.Items)
            {
                if (match(item))
                {
                    return item;
                }
            }

            next = page.Next;
        }
        while (next != null);
        return null;
    }
}

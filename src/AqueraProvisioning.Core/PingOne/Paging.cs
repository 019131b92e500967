using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core;

/// <summary>Walks the pages of any collection, raw or mapped, by their next links.</summary>
internal static class Paging
{
    private static readonly string[] s_pagingParameters = { "limit", "cursor" };

    /// <summary>The session choice "this kind of list takes no paging parameters", per <c>_embedded</c> name.</summary>
    public static string UnparameterisedChoice(string embeddedName) => "lists-without-paging:" + embeddedName;

    /// <summary>
    /// A 400 that refuses the paging parameters themselves: a detail targets <c>limit</c> or <c>cursor</c>, or the
    /// message calls one of them a query parameter it does not take. Any other 400 is not answered by dropping them.
    /// </summary>
    public static bool RefusesPagingParameters(PingOneApiException failure) =>
        failure.StatusCode == 400
        && (failure.Details.Any(d => s_pagingParameters.Contains(d.Target ?? string.Empty, StringComparer.OrdinalIgnoreCase))
            || NamesPagingParameter(failure.ApiMessage)
            || failure.Details.Any(d => NamesPagingParameter(d.Message)));

    private static bool NamesPagingParameter(string? message) =>
        message != null
        && message.IndexOf("parameter", StringComparison.OrdinalIgnoreCase) >= 0
        && s_pagingParameters.Any(p => Regex.IsMatch(message, "\\b" + p + "\\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));

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

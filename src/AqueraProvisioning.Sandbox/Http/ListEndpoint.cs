using System;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// Every PingOne collection answer: <c>limit</c> (1–1000, default the <c>defaultPageSize</c> knob) and opaque
/// <c>cursor</c> validation, then the HAL body <c>{"_links":{"self","next"},"_embedded":{name:[...]},"count","size"}</c>
/// where <c>count</c> is the whole (filtered) collection and <c>size</c> this page; <c>next</c> is absent on the last page.
/// </summary>
internal static class ListEndpoint
{
    public const int MaxLimit = 1000;

    /// <summary>Answers one page of <paramref name="collection"/>, or 400 for a bad limit or cursor.</summary>
    /// <param name="context">The request.</param>
    /// <param name="state">The sandbox, for the default page size.</param>
    /// <param name="collection">What is listed.</param>
    /// <param name="collectionUrl">Absolute URL of the collection, for the links.</param>
    /// <param name="embeddedName">Key under <c>_embedded</c>.</param>
    /// <param name="render">Renders one item.</param>
    /// <param name="match">Keeps only the items it accepts (a filter); null keeps all.</param>
    /// <param name="preservedQuery">Query text (without <c>?</c>) the <c>next</c> link must repeat, such as the filter.</param>
    public static async Task WriteAsync<T>(
        HttpContext context,
        SandboxState state,
        InMemoryCollection<T> collection,
        string collectionUrl,
        string embeddedName,
        Func<T, JsonNode?> render,
        Predicate<T>? match = null,
        string? preservedQuery = null)
        where T : class, ICollectionItem
    {
        if (await ReadPagingAsync(context, state) is not { } paging)
        {
            return;
        }

        var (limit, after) = paging;
        var page = collection.Page(after, limit, match);
        var links = new JsonObject { ["self"] = Links.Href(collectionUrl + context.Request.QueryString) };
        if (page.HasMore)
        {
            var prefix = string.IsNullOrEmpty(preservedQuery) ? string.Empty : preservedQuery + "&";
            var next = CollectionCursor.Encode(page.Items[^1].Sequence);

            // A list that takes no limit (knob strictListQuery) gives next links with nothing but the cursor.
            var size = ListQueryGate.IsStrict(context, state) ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"limit={limit}&");
            links["next"] = Links.Href($"{collectionUrl}?{prefix}{size}cursor={next}");
        }

        var items = new JsonArray();
        foreach (var item in page.Items)
        {
            items.Add(render(item));
        }

        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, new JsonObject
        {
            ["_links"] = links,
            ["_embedded"] = new JsonObject { [embeddedName] = items },
            ["count"] = page.Total,
            ["size"] = page.Items.Count,
        });
    }

    /// <summary>
    /// Maps the GET of a sub-collection (a rule's mappings, a user's memberships): the parent first (its 404), then
    /// the page of the children that belong to it.
    /// </summary>
    public static void MapChildren<TParent, T>(
        IEndpointRouteBuilder routes,
        string route,
        SandboxState state,
        Func<HttpContext, Task<TParent?>> findParent,
        ChildList<TParent, T> list)
        where TParent : class
        where T : class, ICollectionItem =>
        routes.MapGet(route, async context =>
        {
            if (await findParent(context) is { } parent)
            {
                await WriteAsync(context, state, list.Children, list.Url(parent), list.EmbeddedName, list.Render, list.BelongsTo(parent));
            }
        });

    /// <summary>The requested page size and the sequence to start after, or null after answering 400.</summary>
    private static async Task<(int Limit, long After)?> ReadPagingAsync(HttpContext context, SandboxState state)
    {
        var errors = new ValidationErrors();
        var limit = ReadLimit(context.Request.Query["limit"].ToString(), state.Settings.DefaultPageSize, errors);
        long after = 0;
        var cursor = context.Request.Query["cursor"].ToString();
        if (cursor.Length > 0 && !CollectionCursor.TryDecode(cursor, out after))
        {
            errors.Invalid("cursor", "cursor must be a value taken from a _links.next.href of this collection.");
        }

        if (errors.Count > 0)
        {
            await PingOneError.InvalidDataAsync(context, errors.Details);
            return null;
        }

        return (limit, after);
    }

    private static int ReadLimit(string text, int defaultLimit, ValidationErrors errors)
    {
        if (text.Length == 0)
        {
            return defaultLimit;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= MaxLimit)
        {
            return limit;
        }

        errors.Invalid(
            "limit",
            $"limit must be a whole number from 1 to {MaxLimit}.",
            new JsonObject { ["rangeMinimumValue"] = 1, ["rangeMaximumValue"] = MaxLimit });
        return defaultLimit;
    }
}

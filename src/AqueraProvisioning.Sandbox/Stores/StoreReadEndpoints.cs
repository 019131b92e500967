using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AqueraProvisioning.Sandbox;

/// <summary><c>GET /propagation/stores</c> (cursor paging) and <c>GET /propagation/stores/{id}</c>.</summary>
internal static class StoreReadEndpoints
{
    public const int MaxLimit = 1000;

    public static void Map(IEndpointRouteBuilder routes, SandboxState state)
    {
        routes.MapGet(StoreRoutes.Stores, context => ListAsync(context, state));
        routes.MapGet(StoreRoutes.Store, async context =>
        {
            if (await StoreRoutes.FindOrNotFoundAsync(context, state) is { } store)
            {
                await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, state.Render(store));
            }
        });
    }

    private static async Task ListAsync(HttpContext context, SandboxState state)
    {
        var errors = new ValidationErrors();
        var limit = ReadLimit(context.Request.Query["limit"].ToString(), state.Settings.DefaultPageSize, errors);
        long after = 0;
        var cursor = context.Request.Query["cursor"].ToString();
        if (cursor.Length > 0 && !StoreCursor.TryDecode(cursor, out after))
        {
            errors.Invalid("cursor", "cursor must be a value taken from a _links.next.href of this collection.");
        }

        if (errors.Count > 0)
        {
            await PingOneError.InvalidDataAsync(context, errors.Details);
            return;
        }

        var page = state.Stores.Page(after, limit);
        var storesUrl = state.Info.StoresUrl;
        var links = new JsonObject { ["self"] = Links.Href(storesUrl + context.Request.QueryString) };
        if (page.HasMore)
        {
            var next = StoreCursor.Encode(page.Items[^1].Sequence);
            links["next"] = Links.Href(string.Create(CultureInfo.InvariantCulture, $"{storesUrl}?limit={limit}&cursor={next}"));
        }

        var stores = new JsonArray();
        foreach (var store in page.Items)
        {
            stores.Add(state.Render(store));
        }

        // count is the whole collection, size the items on this page, as in PingOne's other collections.
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, new JsonObject
        {
            ["_links"] = links,
            ["_embedded"] = new JsonObject { ["stores"] = stores },
            ["count"] = page.Total,
            ["size"] = page.Items.Count,
        });
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

using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// Finds the item a route names, or answers PingOne's 404 naming the kind ("Unable to find propagation rule with
/// id ..."). A malformed id is answered 404 too: no item can have it, and "not found" is what a user who typed a
/// wrong id needs to hear.
/// </summary>
internal static class ResourceLookup
{
    public static async Task<T?> FindOrNotFoundAsync<T>(HttpContext context, InMemoryCollection<T> collection, string routeKey, string kind)
        where T : class, ICollectionItem
    {
        var text = (string?)context.Request.RouteValues[routeKey];
        if (Guid.TryParse(text, out var id) && collection.Find(id) is { } item)
        {
            return item;
        }

        await NotFoundAsync(context, kind, text);
        return null;
    }

    public static Task NotFoundAsync(HttpContext context, string kind, string? id) =>
        PingOneError.NotFoundAsync(context, $"Unable to find {kind} with id {id}.");
}

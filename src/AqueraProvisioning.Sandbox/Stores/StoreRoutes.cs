using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace AqueraProvisioning.Sandbox;

/// <summary>Route patterns and the store lookup shared by the store endpoints.</summary>
internal static class StoreRoutes
{
    public const string Environment = "/v1/environments/{envId}";
    public const string Stores = Environment + "/propagation/stores";
    public const string Store = Stores + "/{storeId}";

    /// <summary>
    /// The addressed store, or null after answering 404. A malformed id is answered 404 too: no store can have it,
    /// and "not found" is what a user who typed a wrong id needs to hear.
    /// </summary>
    public static async Task<StoreRecord?> FindOrNotFoundAsync(HttpContext context, SandboxState state)
    {
        var text = (string?)context.Request.RouteValues["storeId"];
        if (Guid.TryParse(text, out var id) && state.Stores.Find(id) is { } store)
        {
            return store;
        }

        await NotFoundAsync(context, text);
        return null;
    }

    public static Task NotFoundAsync(HttpContext context, string? id) =>
        PingOneError.NotFoundAsync(context, $"Unable to find propagation store with id {id}.");

    /// <summary>The validated store body, or null after answering 415 (wrong media type) or 400.</summary>
    public static async Task<StoreContent?> ReadValidContentAsync(HttpContext context, SandboxState state, string mediaType)
    {
        if (!await RequestJson.RequireMediaTypeAsync(context, mediaType)
            || await RequestJson.ReadObjectAsync(context) is not { } body)
        {
            return null;
        }

        var errors = new ValidationErrors();
        var content = StoreValidator.Validate(body, state.Settings, errors);
        if (content is null)
        {
            await PingOneError.InvalidDataAsync(context, errors.Details);
        }

        return content;
    }
}

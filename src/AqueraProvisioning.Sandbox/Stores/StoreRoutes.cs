using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace AqueraProvisioning.Sandbox;

/// <summary>The store lookup and body reading shared by the store endpoints.</summary>
internal static class StoreRoutes
{
    public const string Kind = "propagation store";

    /// <summary>The addressed store, or null after answering 404.</summary>
    public static Task<StoreRecord?> FindOrNotFoundAsync(HttpContext context, SandboxState state) =>
        ResourceLookup.FindOrNotFoundAsync(context, state.Stores.Items, "storeId", Kind);

    /// <summary>
    /// The validated store body, or null after answering 415 (wrong media type; with <paramref name="bareMediaType"/>
    /// also one with a parameter) or 400. <paramref name="creating"/> is true for a create.
    /// </summary>
    public static async Task<StoreContent?> ReadValidContentAsync(HttpContext context, SandboxState state, string mediaType, bool bareMediaType = false, bool creating = false)
    {
        if (!await RequestJson.RequireMediaTypeAsync(context, mediaType, bareMediaType)
            || await RequestJson.ReadObjectAsync(context) is not { } body)
        {
            return null;
        }

        var errors = new ValidationErrors();
        var content = StoreValidator.Validate(body, state.Settings, errors, creating);
        if (content is null)
        {
            await PingOneError.InvalidDataAsync(context, errors.Details);
        }

        return content;
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace AqueraProvisioning.Sandbox;

/// <summary>Reads request bodies and checks their media type the way the PingOne API does.</summary>
internal static class RequestJson
{
    /// <summary>True when the request's media type is <paramref name="mediaType"/>; parameters such as charset are allowed.</summary>
    public static bool HasMediaType(HttpRequest request, string mediaType) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed)
        && parsed.MediaType.Equals(mediaType, System.StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the request's Content-Type is exactly <paramref name="mediaType"/>, without any parameter.</summary>
    public static bool HasBareMediaType(HttpRequest request, string mediaType) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed)
        && parsed.MediaType.Equals(mediaType, System.StringComparison.OrdinalIgnoreCase)
        && parsed.Parameters.Count == 0;

    /// <summary>
    /// Answers 415 UNSUPPORTED_MEDIA_TYPE unless the body has the expected media type; with <paramref name="bare"/>
    /// a parameter such as charset is refused too.
    /// </summary>
    public static async Task<bool> RequireMediaTypeAsync(HttpContext context, string mediaType, bool bare = false)
    {
        if (bare ? HasBareMediaType(context.Request, mediaType) : HasMediaType(context.Request, mediaType))
        {
            return true;
        }

        await PingOneError.WriteAsync(
            context,
            StatusCodes.Status415UnsupportedMediaType,
            "UNSUPPORTED_MEDIA_TYPE",
            bare ? $"The request's Content-Type must be exactly {mediaType}, without parameters." : $"The request's Content-Type must be {mediaType}.");
        return false;
    }

    /// <summary>An <c>application/json</c> body as a JSON object, or null after answering 415 or 400.</summary>
    public static async Task<JsonObject?> ReadJsonBodyAsync(HttpContext context) =>
        await RequireMediaTypeAsync(context, JsonResponse.Json) ? await ReadObjectAsync(context) : null;

    /// <summary>The body as a JSON object, or null after answering 400 INVALID_REQUEST.</summary>
    public static async Task<JsonObject?> ReadObjectAsync(HttpContext context)
    {
        try
        {
            var node = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            if (node is JsonObject json)
            {
                return json;
            }
        }
        catch (JsonException)
        {
            // Answered below, the same way as a body that is JSON but not an object.
        }

        await PingOneError.WriteAsync(
            context,
            StatusCodes.Status400BadRequest,
            "INVALID_REQUEST",
            "The request body must be a JSON object.");
        return null;
    }
}

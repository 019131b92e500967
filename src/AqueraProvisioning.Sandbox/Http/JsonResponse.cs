using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace AqueraProvisioning.Sandbox;

/// <summary>Writes a JSON node as the whole response; every answer the sandbox gives goes through here.</summary>
internal static class JsonResponse
{
    public const string Json = "application/json";

    public static Task WriteAsync(HttpContext context, int status, JsonNode body, string contentType = Json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}

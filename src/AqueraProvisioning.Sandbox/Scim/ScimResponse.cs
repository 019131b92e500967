using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace AqueraProvisioning.Sandbox;

/// <summary>SCIM answers: <c>application/scim+json</c> bodies and RFC 7644 §3.12 error objects.</summary>
internal static class ScimResponse
{
    public const string MediaType = "application/scim+json";
    public const string ErrorSchema = "urn:ietf:params:scim:api:messages:2.0:Error";

    public static Task WriteAsync(HttpContext context, int status, JsonNode body) =>
        JsonResponse.WriteAsync(context, status, body, MediaType);

    public static Task ErrorAsync(HttpContext context, int status, string detail, string? scimType = null)
    {
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray(ErrorSchema),
            ["status"] = status.ToString(CultureInfo.InvariantCulture),
            ["detail"] = detail,
        };
        if (scimType is not null)
        {
            body["scimType"] = scimType;
        }

        return WriteAsync(context, status, body);
    }
}

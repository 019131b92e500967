using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// The answers of knob <c>scimAnswer</c>: what a client meets when something other than the SCIM service answers
/// its URL. They come before authentication, as an intercepting proxy's would.
/// </summary>
internal static class ScimFaultAnswers
{
    /// <summary>A host that never resolves (RFC 6761), so a client that followed the redirect could reach nothing.</summary>
    public const string RedirectTarget = "https://sso.sandbox.invalid/login";

    public const string HtmlTitle = "Sign in - Corporate Web Gateway";

    public static Task WriteAsync(HttpContext context, ScimAnswerMode mode)
    {
        switch (mode)
        {
            case ScimAnswerMode.Html:
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentType = "text/html; charset=utf-8";
                return context.Response.WriteAsync(
                    $"<!DOCTYPE html><html><head><title>{HtmlTitle}</title></head><body><form method=\"post\"><input name=\"user\"><input name=\"password\" type=\"password\"></form></body></html>");
            case ScimAnswerMode.NonScim:
                return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, new JsonObject { ["status"] = "UP", ["service"] = "gateway-health" }, "application/json");
            default:
                context.Response.StatusCode = StatusCodes.Status302Found;
                context.Response.Headers.Location = RedirectTarget + "?return=" + System.Uri.EscapeDataString(context.Request.Path.Value ?? "/");
                return Task.CompletedTask;
        }
    }
}

using System;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// <c>POST /{envId}/as/token</c>: the client_credentials grant of a PingOne worker app, with client_secret_basic
/// or client_secret_post. Errors follow RFC 6749 §5.2 (<c>error</c>, <c>error_description</c>), as PingOne's do.
/// </summary>
internal static class TokenEndpoint
{
    public static void Map(IEndpointRouteBuilder routes, SandboxState state) =>
        routes.MapPost("/{envId}/as/token", context => IssueAsync(context, state));

    private static async Task IssueAsync(HttpContext context, SandboxState state)
    {
        var envId = (string?)context.Request.RouteValues["envId"];
        if (!state.HoldsWorkerApplication(envId))
        {
            await PingOneError.NotFoundAsync(context, $"Unable to find environment with id {envId}.");
            return;
        }

        if (!context.Request.HasFormContentType)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "The token request must be application/x-www-form-urlencoded.");
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var usedBasic = AuthorizationHeader.TryGetBasic(context.Request, out var basicUser, out var basicPassword);
        if (usedBasic && form.ContainsKey("client_secret"))
        {
            // RFC 6749 §2.3: a client must not use more than one authentication method in a request.
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "Use either HTTP Basic or client_secret in the form, not both.");
            return;
        }

        // client_secret_basic form-encodes id and secret before base64 (RFC 6749 §2.3.1).
        var clientId = usedBasic ? WebUtility.UrlDecode(basicUser) : form["client_id"].ToString();
        var clientSecret = usedBasic ? WebUtility.UrlDecode(basicPassword) : form["client_secret"].ToString();
        if (!SecretComparer.AreEqual(clientId, state.Info.ClientId) || !SecretComparer.AreEqual(clientSecret, state.Info.ClientSecret))
        {
            if (usedBasic)
            {
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"PingOne\"";
            }

            await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "invalid_client", "Client authentication failed: unknown client or wrong secret.");
            return;
        }

        var grantType = form["grant_type"].ToString();
        if (grantType.Length == 0)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "grant_type is required.");
            return;
        }

        if (grantType != "client_credentials")
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "unsupported_grant_type", $"Grant type '{grantType}' is not supported; use client_credentials.");
            return;
        }

        var lifetime = state.Settings.TokenLifetimeSeconds;
        var token = state.Tokens.Issue(TimeSpan.FromSeconds(lifetime));
        state.Counters.TokenIssued();
        context.Response.Headers.CacheControl = "no-store";
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, new JsonObject
        {
            ["access_token"] = token,
            ["token_type"] = "Bearer",
            ["expires_in"] = lifetime,
        });
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string error, string description) =>
        JsonResponse.WriteAsync(context, status, new JsonObject { ["error"] = error, ["error_description"] = description });
}

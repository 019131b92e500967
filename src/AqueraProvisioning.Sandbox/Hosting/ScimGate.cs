using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace AqueraProvisioning.Sandbox;

/// <summary>Every SCIM endpoint, discovery included, needs credentials: that is what makes a connection check meaningful.</summary>
internal static class ScimGate
{
    public static Task InvokeAsync(HttpContext context, RequestDelegate next, SandboxState state)
    {
        if (ScimAuthentication.IsAuthorized(context.Request, state.Settings))
        {
            return next(context);
        }

        context.Response.Headers.WWWAuthenticate = "Basic realm=\"Aquera\", Bearer";
        return ScimResponse.ErrorAsync(context, StatusCodes.Status401Unauthorized, "Authentication failed: invalid or missing credentials.");
    }
}

using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// Every SCIM endpoint, discovery included, needs credentials: that is what makes a connection check meaningful.
/// First the knobs <c>scimLatencyMs</c> (a slow answer) and <c>scimAnswer</c> (something else answers).
/// </summary>
internal static class ScimGate
{
    public static Task InvokeAsync(HttpContext context, RequestDelegate next, SandboxState state)
    {
        var settings = state.Settings;
        return ObservedRequests.DelayThenAsync(context, inner => AnswerAsync(inner, next, settings), settings.ScimLatencyMs);
    }

    private static Task AnswerAsync(HttpContext context, RequestDelegate next, SandboxSettings settings)
    {
        if (settings.ScimAnswer != ScimAnswerMode.Normal)
        {
            return ScimFaultAnswers.WriteAsync(context, settings.ScimAnswer);
        }

        if (ScimAuthentication.IsAuthorized(context.Request, settings))
        {
            return next(context);
        }

        context.Response.Headers.WWWAuthenticate = "Basic realm=\"Aquera\", Bearer";
        return ScimResponse.ErrorAsync(context, StatusCodes.Status401Unauthorized, "Authentication failed: invalid or missing credentials.");
    }
}

using System;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// What stands in front of every /v1 endpoint, in PingOne's order: rate limiting, outages and hostile answers first
/// (they happen at the edge), then the bearer token, then the environment.
/// </summary>
internal static class ApiGate
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next, SandboxState state)
    {
        var settings = state.Settings;

        // Every counter advances on every request so each knob's every-Nth stays exact when several are on.
        var throttled = state.Faults.NextIsThrottled(settings.ThrottleEveryN);
        var unavailable = state.Faults.NextIsUnavailable(settings.UnavailableEveryN);
        var hostile = settings.HostileAnswer != HostileAnswer.None && state.Faults.NextIsHostile(settings.HostileEveryN);
        if (throttled)
        {
            context.Response.Headers.RetryAfter = RetryAfter(settings);
            await PingOneError.WriteAsync(context, StatusCodes.Status429TooManyRequests, "REQUEST_LIMITED", $"The request was rate limited. Retry after {settings.RetryAfterSeconds} seconds.");
            return;
        }

        if (unavailable)
        {
            await PingOneError.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "SERVICE_UNAVAILABLE", "The service is temporarily unavailable. Try again later.");
            return;
        }

        if (hostile)
        {
            await HostileAnswers.WriteAsync(context, settings.HostileAnswer, settings);
            return;
        }

        AuthorizationHeader.TryGetBearer(context.Request, out var token);
        var check = state.Tokens.Check(token);
        if (check != TokenCheck.Valid)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await PingOneError.WriteAsync(context, StatusCodes.Status401Unauthorized, "INVALID_TOKEN", TokenMessage(check));
            return;
        }

        var segments = (context.Request.Path.Value ?? string.Empty).Split('/');
        if (segments is ["", "v1", "environments", var environmentId, ..] && !state.IsKnownEnvironment(environmentId))
        {
            await PingOneError.NotFoundAsync(context, $"Unable to find environment with id {environmentId}.");
            return;
        }

        await next(context);
    }

    private static string RetryAfter(SandboxSettings settings)
    {
        if (!settings.RetryAfterAsHttpDate)
        {
            return settings.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        // An HTTP-date has whole seconds; rounding up keeps the wait at least as long as the seconds form asks.
        var until = DateTimeOffset.UtcNow.AddSeconds(settings.RetryAfterSeconds);
        var partial = until.Ticks % TimeSpan.TicksPerSecond;
        return (partial == 0 ? until : until.AddTicks(TimeSpan.TicksPerSecond - partial)).ToString("R", CultureInfo.InvariantCulture);
    }

    private static string TokenMessage(TokenCheck check) => check switch
    {
        TokenCheck.Missing => "The request could not be completed. An access token is required (Authorization: Bearer).",
        TokenCheck.Expired => "The request could not be completed. The access token has expired.",
        _ => "The request could not be completed. The access token is invalid.",
    };
}

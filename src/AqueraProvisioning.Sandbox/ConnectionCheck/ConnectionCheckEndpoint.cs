using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// <c>POST /propagation/stores/connection/status</c>: validates a proposed store like a create, then really calls
/// its SCIM service (loopback only) and answers in the shape the <c>connectionCheckFailureMode</c> knob picks.
/// </summary>
internal static class ConnectionCheckEndpoint
{
    public const string MediaType = "application/vnd.pingidentity.connection.check+json";

    public static void Map(IEndpointRouteBuilder routes, SandboxState state, ScimProbe probe) =>
        routes.MapPost(Routes.Stores + "/connection/status", context => CheckAsync(context, state, probe));

    private static async Task CheckAsync(HttpContext context, SandboxState state, ScimProbe probe)
    {
        var settings = state.Settings;
        if (await StoreRoutes.ReadValidContentAsync(context, state, MediaType, settings.StrictCheckContentType) is not { } content)
        {
            return;
        }

        var timeout = TimeSpan.FromMilliseconds(settings.ConnectionCheckTimeoutMs);
        var result = await probe.CheckAsync(content, timeout, context.RequestAborted);
        if (result.Succeeded)
        {
            await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, new JsonObject { ["status"] = "SUCCESS", ["message"] = result.Message });
            return;
        }

        var message = "Connection test failed: " + result.Message;
        if (settings.ConnectionCheckFailureMode == ConnectionCheckFailureMode.Body)
        {
            await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, new JsonObject
            {
                ["status"] = "FAILURE",
                ["message"] = message,
                ["details"] = new JsonArray(new JsonObject { ["message"] = result.Message }),
            });
            return;
        }

        var detail = new PingOneErrorDetail("CONNECTION_FAILED", "configuration." + AqueraConfigurationValidator.ScimUrl, result.Message);
        await PingOneError.WriteAsync(context, StatusCodes.Status400BadRequest, "INVALID_DATA", message, [detail]);
    }
}

using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// <c>POST /propagation/stores/connection/status</c>: validates a proposed store like a create, then really calls
/// its SCIM service (loopback only) and answers in the shape the <c>connectionCheckSuccessMode</c> and
/// <c>connectionCheckFailureMode</c> knobs pick.
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
        await (result.Succeeded
            ? ConnectionCheckAnswers.WriteSuccessAsync(context, settings.ConnectionCheckSuccessMode, result.Message)
            : ConnectionCheckAnswers.WriteFailureAsync(context, settings.ConnectionCheckFailureMode, result.Message));
    }
}

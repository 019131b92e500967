using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AqueraProvisioning.Sandbox;

/// <summary>The GET of one resource: 200 with it rendered, or the 404 its lookup answered.</summary>
internal static class ItemEndpoint
{
    public static void MapGet<T>(IEndpointRouteBuilder routes, string route, Func<HttpContext, Task<T?>> find, Func<T, JsonNode> render)
        where T : class =>
        routes.MapGet(route, async context =>
        {
            if (await find(context) is { } item)
            {
                await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, render(item));
            }
        });
}

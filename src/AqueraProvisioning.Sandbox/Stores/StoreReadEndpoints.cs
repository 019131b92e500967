using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AqueraProvisioning.Sandbox;

/// <summary><c>GET /propagation/stores</c> (cursor paging) and <c>GET /propagation/stores/{id}</c>.</summary>
internal static class StoreReadEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, SandboxState state)
    {
        routes.MapGet(Routes.Stores, context =>
            ListEndpoint.WriteAsync(context, state, state.Stores.Items, state.Info.StoresUrl, "stores", state.Render));
        ItemEndpoint.MapGet(routes, Routes.Store, context => StoreRoutes.FindOrNotFoundAsync(context, state), store => state.Render(store));
    }
}

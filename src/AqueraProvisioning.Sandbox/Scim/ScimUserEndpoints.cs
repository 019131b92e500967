using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// The fake Aquera SCIM 2.0 service under <c>/scim/v2</c>: discovery (ServiceProviderConfig, Schemas,
/// ResourceTypes), Users and Groups. PATCH answers 501 on both, as the ServiceProviderConfig says.
/// </summary>
internal static class ScimUserEndpoints
{
    public const string Base = "/scim/v2";
    public const int DefaultCount = 100;
    public const int MaxCount = 200;

    public static void Map(IEndpointRouteBuilder routes, SandboxState state)
    {
        routes.MapGet(Base + "/ServiceProviderConfig", context =>
            ScimResponse.WriteAsync(context, StatusCodes.Status200OK, ScimServiceProviderConfig.Render(state.Info.ScimUrl)));
        ScimDiscovery.Map(routes, state);
        ScimResourceEndpoints.Map(routes, state, ScimResourceKind.Users(state.Scim));
        ScimResourceEndpoints.Map(routes, state, ScimResourceKind.Groups(state.Scim));
    }
}

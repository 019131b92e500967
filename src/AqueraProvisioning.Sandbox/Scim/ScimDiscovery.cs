using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// The RFC 7644 §4 discovery endpoints besides ServiceProviderConfig: <c>/Schemas</c>, <c>/Schemas/{id}</c>,
/// <c>/ResourceTypes</c> and <c>/ResourceTypes/{name}</c> (RFC 7643 §6–7), as ListResponses and single resources.
/// </summary>
internal static class ScimDiscovery
{
    public static void Map(IEndpointRouteBuilder routes, SandboxState state)
    {
        var scim = ScimUserEndpoints.Base;
        routes.MapGet(scim + "/Schemas", context => ListAsync(context, ScimSchemas.All(state.Info.ScimUrl)));
        routes.MapGet(scim + "/Schemas/{id}", context => OneAsync(context, ScimSchemas.All(state.Info.ScimUrl), "Schema"));
        routes.MapGet(scim + "/ResourceTypes", context => ListAsync(context, ResourceTypes(state.Info.ScimUrl)));
        routes.MapGet(scim + "/ResourceTypes/{id}", context => OneAsync(context, ResourceTypes(state.Info.ScimUrl), "ResourceType"));
    }

    private static JsonObject[] ResourceTypes(string scimUrl) =>
    [
        ResourceType(scimUrl, "User", "/Users", ScimResourceKind.UserSchema, ScimResourceKind.EnterpriseUserSchema),
        ResourceType(scimUrl, "Group", "/Groups", ScimResourceKind.GroupSchema, null),
    ];

    private static JsonObject ResourceType(string scimUrl, string name, string endpoint, string schema, string? extension)
    {
        var json = new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:ResourceType"),
            ["id"] = name,
            ["name"] = name,
            ["endpoint"] = endpoint,
            ["description"] = name + " resources of the Aquera application",
            ["schema"] = schema,
        };
        if (extension is not null)
        {
            json["schemaExtensions"] = new JsonArray(new JsonObject { ["schema"] = extension, ["required"] = false });
        }

        json["meta"] = new JsonObject { ["resourceType"] = "ResourceType", ["location"] = $"{scimUrl}/ResourceTypes/{name}" };
        return json;
    }

    private static Task ListAsync(HttpContext context, JsonObject[] resources) =>
        ScimResponse.WriteAsync(context, StatusCodes.Status200OK, new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:api:messages:2.0:ListResponse"),
            ["totalResults"] = resources.Length,
            ["startIndex"] = 1,
            ["itemsPerPage"] = resources.Length,
            ["Resources"] = new JsonArray([.. resources.Select(resource => (JsonNode?)resource)]),
        });

    private static Task OneAsync(HttpContext context, JsonObject[] resources, string kind)
    {
        var id = (string?)context.Request.RouteValues["id"];
        var found = resources.FirstOrDefault(resource => string.Equals(resource["id"]!.GetValue<string>(), id, StringComparison.OrdinalIgnoreCase));
        return found is null
            ? ScimResponse.ErrorAsync(context, StatusCodes.Status404NotFound, $"{kind} {id} not found.")
            : ScimResponse.WriteAsync(context, StatusCodes.Status200OK, found);
    }
}

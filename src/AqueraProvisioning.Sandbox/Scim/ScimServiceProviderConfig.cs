using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// The RFC 7643 §5 discovery document, describing Aquera as the reference has it: filtering yes, PATCH no,
/// Basic and Bearer authentication.
/// </summary>
internal static class ScimServiceProviderConfig
{
    public static JsonObject Render(string scimUrl) => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"),
        ["patch"] = Supported(false),
        ["bulk"] = new JsonObject { ["supported"] = false, ["maxOperations"] = 0, ["maxPayloadSize"] = 0 },
        ["filter"] = new JsonObject { ["supported"] = true, ["maxResults"] = ScimUserEndpoints.MaxCount },
        ["changePassword"] = Supported(false),
        ["sort"] = Supported(false),
        ["etag"] = Supported(false),
        ["authenticationSchemes"] = new JsonArray(
            Scheme("httpbasic", "HTTP Basic", "Authentication with the Aquera application user and password.", primary: false),
            Scheme("oauthbearertoken", "OAuth Bearer Token", "Authentication with the Aquera application bearer token.", primary: true)),
        ["meta"] = new JsonObject
        {
            ["resourceType"] = "ServiceProviderConfig",
            ["location"] = scimUrl + "/ServiceProviderConfig",
        },
    };

    private static JsonObject Supported(bool supported) => new() { ["supported"] = supported };

    private static JsonObject Scheme(string type, string name, string description, bool primary) => new()
    {
        ["type"] = type,
        ["name"] = name,
        ["description"] = description,
        ["primary"] = primary,
    };
}

using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// The store metadata answer: <c>information</c>, <c>connectionProfiles[]</c> and <c>attributeMetadata</c> with
/// <c>userAttributes</c> as a list or a map (knob <c>storeMetadataShape</c>) and <c>capabilities</c>.
/// </summary>
internal static class StoreMetadataJson
{
    private static readonly string[] AqueraCapabilities = ["CREATE_USERS", "UPDATE_USERS", "DISABLE_USERS", "REMOVE_ACTION", "GROUP_PROVISIONING"];

    public static JsonObject Aquera(IReadOnlyList<MetadataAttribute> attributes, bool dynamic, string shape) => new()
    {
        ["information"] = new JsonObject { ["name"] = StoreValidator.Aquera, ["version"] = "sandbox-1", ["dynamic"] = dynamic },
        ["connectionProfiles"] = new JsonArray(
            Profile(AqueraConfigurationValidator.BasicAuth, AqueraConfigurationValidator.BasicAuthUser, AqueraConfigurationValidator.BasicAuthPassword),
            Profile(AqueraConfigurationValidator.BearerToken, AqueraConfigurationValidator.AccessToken)),
        ["attributeMetadata"] = AttributeMetadata(attributes, shape, AqueraCapabilities),
    };

    public static JsonObject Directory(string shape) => new()
    {
        ["information"] = new JsonObject { ["name"] = "PingOne Directory", ["version"] = "sandbox-1", ["dynamic"] = false },
        ["connectionProfiles"] = new JsonArray(),
        ["attributeMetadata"] = AttributeMetadata(StoreAttributes.Directory, shape, ["READ_USERS", "READ_GROUPS"]),
    };

    private static JsonObject AttributeMetadata(IReadOnlyList<MetadataAttribute> attributes, string shape, string[] capabilities)
    {
        JsonNode userAttributes = shape == "map"
            ? new JsonObject(attributes.Select(attribute => KeyValuePair.Create(attribute.Name, (JsonNode?)Describe(attribute, withName: false))))
            : new JsonArray([.. attributes.Select(attribute => (JsonNode?)Describe(attribute, withName: true))]);
        return new JsonObject
        {
            ["userAttributes"] = userAttributes,
            ["capabilities"] = new JsonArray([.. capabilities.Select(capability => (JsonNode?)capability)]),
        };
    }

    private static JsonObject Describe(MetadataAttribute attribute, bool withName)
    {
        var json = new JsonObject();
        if (withName)
        {
            json["name"] = attribute.Name;
        }

        json["displayName"] = attribute.DisplayName;
        json["type"] = attribute.Type;
        json["required"] = attribute.Required;
        json["multiValued"] = attribute.MultiValued;
        return json;
    }

    private static JsonObject Profile(string name, params string[] credentialKeys)
    {
        var attributes = new JsonArray
        {
            Attribute(AqueraConfigurationValidator.ScimUrl, "SCIM URL", secret: false),
            Attribute(AqueraConfigurationValidator.AuthenticationMethod, "Authentication Method", secret: false),
        };
        foreach (var key in credentialKeys)
        {
            attributes.Add(Attribute(key, key.Replace('_', ' '), AqueraConfigurationValidator.SecretKeys.Contains(key)));
        }

        return new JsonObject { ["name"] = name, ["connectionAttributes"] = attributes };
    }

    private static JsonObject Attribute(string name, string displayName, bool secret) => new()
    {
        ["name"] = name,
        ["displayName"] = displayName,
        ["type"] = "string",
        ["required"] = true,
        ["secret"] = secret,
    };
}

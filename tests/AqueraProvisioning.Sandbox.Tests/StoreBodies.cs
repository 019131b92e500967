using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox.Tests;

/// <summary>Valid Aquera store bodies pointing at the sandbox's own SCIM service.</summary>
internal static class StoreBodies
{
    public static JsonObject Bearer(SandboxInfo info, string name = "HR Aquera", string? token = null) => new()
    {
        ["name"] = name,
        ["description"] = "Provisioning to Aquera",
        ["type"] = "Aquera",
        ["configuration"] = new JsonObject
        {
            ["SCIM_URL"] = info.ScimUrl,
            ["AUTHENTICATION_METHOD"] = "OAuth Bearer Token",
            ["ACCESS_TOKEN"] = token ?? info.ScimBearerToken,
            ["CREATE_USERS"] = true,
            ["UPDATE_USERS"] = true,
            ["DISABLE_USERS"] = false,
            ["REMOVE_ACTION"] = "Disable",
            ["GROUP_NAME_SOURCE"] = "Common Name",
        },
    };

    public static JsonObject Basic(SandboxInfo info, string? password = null) => new()
    {
        ["name"] = "Finance Aquera",
        ["type"] = "Aquera",
        ["configuration"] = new JsonObject
        {
            ["SCIM_URL"] = info.ScimUrl,
            ["AUTHENTICATION_METHOD"] = "Basic Auth",
            ["BASIC_AUTH_USER"] = info.ScimUser,
            ["BASIC_AUTH_PASSWORD"] = password ?? info.ScimPassword,
        },
    };

    /// <summary>Sets <paramref name="path"/> (<c>name</c> or <c>configuration.KEY</c>) to a JSON value, or removes it when null.</summary>
    public static JsonObject With(this JsonObject body, string path, string? json)
    {
        var parts = path.Split('.', 2);
        var parent = parts.Length == 2 ? (JsonObject)body[parts[0]]! : body;
        var key = parts[^1];
        parent.Remove(key);
        if (json is not null)
        {
            parent[key] = JsonNode.Parse(json);
        }

        return body;
    }
}

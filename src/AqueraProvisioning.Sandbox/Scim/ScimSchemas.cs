using System.Linq;
using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// The RFC 7643 §7 schema documents of the fake Aquera service: the core User (§4.1), the enterprise extension
/// (§4.3) and the core Group (§4.2), with the attributes a SCIM client and the store metadata read.
/// </summary>
internal static class ScimSchemas
{
    public static JsonObject[] All(string scimUrl) =>
    [
        Schema(scimUrl, ScimResourceKind.UserSchema, "User", "User Account", UserAttributes()),
        Schema(scimUrl, ScimResourceKind.EnterpriseUserSchema, "EnterpriseUser", "Enterprise User", EnterpriseAttributes()),
        Schema(scimUrl, ScimResourceKind.GroupSchema, "Group", "Group", GroupAttributes()),
    ];

    private static JsonArray UserAttributes() =>
    [
        Simple("userName", required: true, uniqueness: "server"),
        Complex("name", false, "formatted", "familyName", "givenName", "middleName", "honorificPrefix", "honorificSuffix"),
        Simple("displayName"),
        Simple("nickName"),
        Simple("profileUrl", type: "reference"),
        Simple("title"),
        Simple("userType"),
        Simple("preferredLanguage"),
        Simple("locale"),
        Simple("timezone"),
        Simple("active", type: "boolean"),
        Simple("password", mutability: "writeOnly", returned: "never"),
        Simple("externalId"),
        Typed("emails", ["work", "home", "other"], "value", "display"),
        Typed("phoneNumbers", ["work", "home", "mobile", "fax", "pager", "other"], "value", "display"),
        Typed("addresses", ["work", "home", "other"], "formatted", "streetAddress", "locality", "region", "postalCode", "country"),
        ReadOnlyMembers("groups"),
    ];

    private static JsonArray EnterpriseAttributes() =>
    [
        Simple("employeeNumber"),
        Simple("costCenter"),
        Simple("organization"),
        Simple("division"),
        Simple("department"),
        Complex("manager", false, "value", "displayName"),
    ];

    private static JsonArray GroupAttributes() =>
    [
        Simple("displayName", required: true, uniqueness: "server"),
        Complex("members", true, "value", "display", "type"),
    ];

    private static JsonObject Schema(string scimUrl, string id, string name, string description, JsonArray attributes) => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:Schema"),
        ["id"] = id,
        ["name"] = name,
        ["description"] = description,
        ["attributes"] = attributes,
        ["meta"] = new JsonObject { ["resourceType"] = "Schema", ["location"] = $"{scimUrl}/Schemas/{id}" },
    };

    private static JsonObject Simple(
        string name,
        string type = "string",
        bool required = false,
        string uniqueness = "none",
        string mutability = "readWrite",
        string returned = "default",
        bool multiValued = false) => new()
    {
        ["name"] = name,
        ["type"] = type,
        ["multiValued"] = multiValued,
        ["required"] = required,
        ["caseExact"] = false,
        ["mutability"] = mutability,
        ["returned"] = returned,
        ["uniqueness"] = uniqueness,
    };

    private static JsonObject Complex(string name, bool multiValued, params string[] subAttributes)
    {
        var json = Simple(name, type: "complex", multiValued: multiValued);
        json["subAttributes"] = new JsonArray([.. subAttributes.Select(sub => (JsonNode?)Simple(sub))]);
        return json;
    }

    // A multi-valued attribute whose elements are told apart by a canonical "type" (emails[type eq "work"]).
    private static JsonObject Typed(string name, string[] types, params string[] subAttributes)
    {
        var json = Complex(name, true, subAttributes);
        var subs = (JsonArray)json["subAttributes"]!;
        var type = Simple("type");
        type["canonicalValues"] = new JsonArray([.. types.Select(t => (JsonNode?)t)]);
        subs.Add(type);
        subs.Add(Simple("primary", type: "boolean"));
        return json;
    }

    private static JsonObject ReadOnlyMembers(string name)
    {
        var json = Complex(name, true, "value", "$ref", "display", "type");
        json["mutability"] = "readOnly";
        return json;
    }
}

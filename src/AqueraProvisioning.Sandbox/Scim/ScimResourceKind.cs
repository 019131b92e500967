namespace AqueraProvisioning.Sandbox;

/// <summary>What differs between the fake service's two resource types; everything else is shared code.</summary>
/// <param name="ResourceType"><c>User</c> or <c>Group</c>.</param>
/// <param name="Endpoint"><c>/Users</c> or <c>/Groups</c>.</param>
/// <param name="Schema">The core schema URN.</param>
/// <param name="NameAttribute">The unique, filterable attribute: <c>userName</c> or <c>displayName</c>.</param>
/// <param name="Resources">Where the resources live.</param>
internal sealed record ScimResourceKind(string ResourceType, string Endpoint, string Schema, string NameAttribute, InMemoryCollection<ScimResource> Resources)
{
    public const string UserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
    public const string GroupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public const string EnterpriseUserSchema = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    public bool IsGroup => ResourceType == "Group";

    public static ScimResourceKind Users(ScimTenant tenant) => new("User", "/Users", UserSchema, "userName", tenant.Users);

    public static ScimResourceKind Groups(ScimTenant tenant) => new("Group", "/Groups", GroupSchema, "displayName", tenant.Groups);
}

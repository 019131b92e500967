using System.Text.Json;
using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// Validates a store body for create, update and the connection check, reporting every bad field at once.
/// Read-only fields a client echoes back (id, environment, createdAt, updatedAt, syncStatus, _links) and
/// unknown top-level fields are ignored, as PingOne ignores them on a read-modify-write PUT.
/// </summary>
internal static class StoreValidator
{
    /// <summary>Longest accepted name; PingOne documents no limit, 256 mirrors its other name fields.</summary>
    public const int MaxNameLength = 256;

    /// <summary>Longest accepted description; PingOne documents no limit.</summary>
    public const int MaxDescriptionLength = 1024;

    public const string Aquera = "Aquera";
    public const string Directory = "directory";
    public const string Active = "ACTIVE";
    public const string Inactive = "INACTIVE";

    /// <summary>The S1 enum plus the types the newer docs add; case-sensitive (<c>scim</c>, <c>directory</c>).</summary>
    public static readonly string[] StoreTypes =
    [
        Aquera, "AzureActiveDirectorySAML2", Directory, "GitHubEMU", "GoogleApps", "LdapGateway", "PingOne",
        "Salesforce", "SalesforceContacts", "scim", "ServiceNow", "Slack", "Workday", "Zoom",
    ];

    public static readonly string[] Statuses = [Active, Inactive];

    /// <summary>The validated content, or null when <paramref name="errors"/> has entries.</summary>
    /// <param name="body">The request body.</param>
    /// <param name="settings">The knobs in force.</param>
    /// <param name="errors">Where every bad field is reported.</param>
    /// <param name="creating">True for a create, where knob <c>refuseActiveOnCreate</c> allows only INACTIVE.</param>
    public static StoreContent? Validate(JsonObject body, SandboxSettings settings, ValidationErrors errors, bool creating = false)
    {
        var name = JsonFields.String(body, "name", "name", errors, required: true, MaxNameLength);
        var description = JsonFields.String(body, "description", "description", errors, required: false, MaxDescriptionLength);
        var type = JsonFields.OneOf(body, "type", "type", StoreTypes, errors, required: true);

        // The Go SDK's status enum lists only INACTIVE (reference §3): a PingOne may take ACTIVE on PUT but not on POST.
        var statuses = creating && settings.RefuseActiveOnCreate ? [Inactive] : Statuses;
        var status = JsonFields.OneOf(body, "status", "status", statuses, errors, required: false) ?? Inactive;
        var managed = JsonFields.Boolean(body, "managed", "managed", errors) ?? false;
        var image = JsonFields.Object(body, "image", "image", errors, required: false);
        if (image is not null)
        {
            JsonFields.String(image, "href", "image.href", errors, required: false);
            JsonFields.String(image, "id", "image.id", errors, required: false);
        }

        // The spec marks configuration required for every type, but the directory store's documented example sends
        // none (reference §3), so for that type a knob decides. Only Aquera's keys are checked further.
        var configurationRequired = type != Directory || settings.Propagation.DirectoryConfigurationRequired;
        var configuration = JsonFields.Object(body, "configuration", "configuration", errors, configurationRequired);
        if (configuration is not null && type == Aquera)
        {
            AqueraConfigurationValidator.Validate(configuration, settings.ExtraConfigurationKeys, errors, settings.BearerRequiresBasicKeys);
        }

        if (errors.Count > 0)
        {
            return null;
        }

        return new StoreContent(name!, description, type!, status, managed, ToElement(image), ToElement(configuration));
    }

    public static JsonElement? ToElement(JsonNode? node) =>
        node is null ? null : JsonSerializer.SerializeToElement(node);
}

using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// Validates a user body (PingOne's user attributes) reporting every bad field at once. Unknown top-level fields
/// are custom attributes and kept as given; read-only fields sent back are ignored. Runs under the directory lock,
/// so the username check and the write that follows see the same directory.
/// </summary>
internal static class UserValidator
{
    public const int MaxUsernameLength = 128;

    private static readonly string[] StringAttributes =
    [
        "email", "nickname", "title", "externalId", "accountId", "type", "primaryPhone", "mobilePhone",
        "preferredLanguage", "locale", "timezone",
    ];

    private static readonly string[] NameParts = ["given", "family", "middle", "formatted", "honorificPrefix", "honorificSuffix"];

    private static readonly string[] AddressParts = ["streetAddress", "locality", "region", "postalCode", "countryCode"];

    // Not attributes: what the sandbox renders itself, or keeps in typed fields.
    private static readonly string[] NotAttributes = [.. ExtraFields.ReadOnly, "lifecycle", "population", "enabled", "memberOfGroups"];

    /// <summary>The validated content, or null when <paramref name="errors"/> has entries.</summary>
    /// <param name="body">The request body (for PATCH, the merged user).</param>
    /// <param name="directory">For the population and the username checks.</param>
    /// <param name="current">The user being replaced, or null for a create: its population and enabled state stay when the body omits them.</param>
    /// <param name="errors">Collects the failures.</param>
    public static UserContent? Validate(JsonObject body, PingOneDirectory directory, DirectoryUser? current, ValidationErrors errors)
    {
        var username = JsonFields.String(body, "username", "username", errors, required: true, MaxUsernameLength);
        if (username is not null && directory.FindUserByUsername(username) is { } taken && taken.Id != current?.Id)
        {
            errors.NotUnique("username", $"The username {username} is already in use by another user.");
        }

        foreach (var key in StringAttributes)
        {
            JsonFields.String(body, key, key, errors, required: false);
        }

        if (JsonText.Of(body["email"]) is { } email && !LooksLikeEmail(email))
        {
            errors.Invalid("email", "email must be an email address such as name@example.com.");
        }

        ValidateParts(body, "name", NameParts, errors);
        ValidateParts(body, "address", AddressParts, errors);
        var populationId = JsonReferences.Read(body, "population", errors, required: false, id => directory.Populations.Find(id) is not null, "population")
            ?? current?.PopulationId
            ?? directory.DefaultPopulation?.Id;
        var enabled = JsonFields.Boolean(body, "enabled", "enabled", errors) ?? current?.Enabled ?? true;
        if (errors.Count > 0 || populationId is null)
        {
            return null;
        }

        var attributes = new JsonObject();
        foreach (var (key, value) in body)
        {
            if (!NotAttributes.Contains(key) && value is not null)
            {
                attributes[key] = value.DeepClone();
            }
        }

        return new UserContent(username!, populationId.Value, enabled, JsonSerializer.SerializeToElement(attributes));
    }

    private static void ValidateParts(JsonObject body, string key, string[] parts, ValidationErrors errors)
    {
        if (JsonFields.Object(body, key, key, errors, required: false) is not { } value)
        {
            return;
        }

        foreach (var part in parts)
        {
            JsonFields.String(value, part, $"{key}.{part}", errors, required: false);
        }
    }

    private static bool LooksLikeEmail(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == text.LastIndexOf('@') && at < text.Length - 1 && !text.Any(char.IsWhiteSpace);
    }
}

using System.Collections.Generic;

namespace AqueraProvisioning.Core;

/// <summary>
/// The attribute names tab completion offers before any metadata was read: Aquera's static user attributes as
/// mapping targets, and the PingOne user attributes as mapping sources (the lists the rules contract names).
/// </summary>
public static class StaticAttributes
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:";

    /// <summary>Aquera's static user attributes, as SCIM paths.</summary>
    public static IReadOnlyList<string> AqueraTargets { get; } = new[]
    {
        "userName", "name.givenName", "name.familyName", "name.formatted", "displayName", "nickName", "title", "externalId", "active",
        "emails[type eq \"work\"].value", "emails[type eq \"home\"].value",
        "phoneNumbers[type eq \"work\"].value", "phoneNumbers[type eq \"mobile\"].value",
        "addresses[type eq \"work\"].streetAddress", "addresses[type eq \"work\"].locality", "addresses[type eq \"work\"].region",
        "addresses[type eq \"work\"].postalCode", "addresses[type eq \"work\"].country",
        "preferredLanguage", "locale", "timezone",
        Enterprise + "employeeNumber", Enterprise + "department", Enterprise + "organization", Enterprise + "costCenter",
        Enterprise + "division", Enterprise + "manager.value",
    };

    /// <summary>The PingOne user attributes a mapping can copy.</summary>
    public static IReadOnlyList<string> PingOneSources { get; } = new[]
    {
        "username", "email", "name.given", "name.family", "name.formatted", "name.middle", "nickname", "title", "externalId", "enabled",
        "population.id", "population.name", "primaryPhone", "mobilePhone", "address.streetAddress", "address.locality", "address.region",
        "address.postalCode", "address.countryCode", "preferredLanguage", "locale", "timezone", "accountId", "type", "id",
    };
}

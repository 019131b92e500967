using System.Collections.Generic;

namespace AqueraProvisioning.Core;

/// <summary>
/// The mappings a new rule gets unless asked for none: the reference's proposed set (PingOne's console shows a
/// default set, but PingOne does not add it to a rule made through the API, and a rule with any mapping of its own
/// uses only its own), with the work email written as a SCIM filter path.
/// </summary>
public static class DefaultMappings
{
    /// <summary>username → userName, name.given → name.givenName, name.family → name.familyName, email → emails[type eq "work"].value.</summary>
    public static IReadOnlyList<AqueraMappingDraft> Set { get; } = new[]
    {
        new AqueraMappingDraft("userName", "username", null),
        new AqueraMappingDraft("name.givenName", "name.given", null),
        new AqueraMappingDraft("name.familyName", "name.family", null),
        new AqueraMappingDraft("emails[type eq \"work\"].value", "email", null),
    };
}

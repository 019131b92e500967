using System.Linq;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// The attributes the sandbox's store metadata lists (contract section "Store metadata"): the PingOne directory's
/// user attribute paths (mapping sources) and Aquera's static SCIM target paths.
/// </summary>
internal static class StoreAttributes
{
    public const string EnterpriseSchema = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    public static readonly MetadataAttribute[] Directory =
    [
        new("username", "Username", Required: true),
        new("email", "Email Address"),
        new("name.given", "Given Name"),
        new("name.family", "Family Name"),
        new("name.formatted", "Formatted Name"),
        new("name.middle", "Middle Name"),
        new("nickname", "Nickname"),
        new("title", "Title"),
        new("externalId", "External ID"),
        new("enabled", "Enabled", "boolean"),
        new("population.id", "Population ID"),
        new("population.name", "Population Name"),
        new("primaryPhone", "Primary Phone"),
        new("mobilePhone", "Mobile Phone"),
        new("address.streetAddress", "Street Address"),
        new("address.locality", "Locality"),
        new("address.region", "Region"),
        new("address.postalCode", "Postal Code"),
        new("address.countryCode", "Country Code"),
        new("preferredLanguage", "Preferred Language"),
        new("locale", "Locale"),
        new("timezone", "Time Zone"),
        new("accountId", "Account ID"),
        new("type", "Type"),
        new("id", "User ID"),
    ];

    public static readonly MetadataAttribute[] Aquera =
    [
        new("userName", "User Name", Required: true),
        new("name.givenName", "Given Name"),
        new("name.familyName", "Family Name"),
        new("name.formatted", "Formatted Name"),
        new("displayName", "Display Name"),
        new("nickName", "Nick Name"),
        new("title", "Title"),
        new("externalId", "External ID"),
        new("active", "Active", "boolean"),
        new("emails[type eq \"work\"].value", "Work Email"),
        new("emails[type eq \"home\"].value", "Home Email"),
        new("phoneNumbers[type eq \"work\"].value", "Work Phone"),
        new("phoneNumbers[type eq \"mobile\"].value", "Mobile Phone"),
        new("addresses[type eq \"work\"].streetAddress", "Work Street Address"),
        new("addresses[type eq \"work\"].locality", "Work Locality"),
        new("addresses[type eq \"work\"].region", "Work Region"),
        new("addresses[type eq \"work\"].postalCode", "Work Postal Code"),
        new("addresses[type eq \"work\"].country", "Work Country"),
        new("preferredLanguage", "Preferred Language"),
        new("locale", "Locale"),
        new("timezone", "Time Zone"),
        new(EnterpriseSchema + ":employeeNumber", "Employee Number"),
        new(EnterpriseSchema + ":department", "Department"),
        new(EnterpriseSchema + ":organization", "Organization"),
        new(EnterpriseSchema + ":costCenter", "Cost Center"),
        new(EnterpriseSchema + ":division", "Division"),
        new(EnterpriseSchema + ":manager.value", "Manager ID"),
    ];

    public static readonly string[] DirectoryNames = [.. Directory.Select(attribute => attribute.Name)];
}

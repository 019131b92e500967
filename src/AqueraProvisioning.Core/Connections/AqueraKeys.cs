using System;
using System.Globalization;

namespace AqueraProvisioning.Core;

/// <summary>The documented Aquera configuration keys and their wire values.</summary>
internal static class AqueraKeys
{
    public const string StoreType = "Aquera";
    public const string ScimUrl = "SCIM_URL";
    public const string AuthenticationMethod = "AUTHENTICATION_METHOD";
    public const string BasicAuthUser = "BASIC_AUTH_USER";
    public const string BasicAuthPassword = "BASIC_AUTH_PASSWORD";
    public const string AccessToken = "ACCESS_TOKEN";
    public const string CreateUsers = "CREATE_USERS";
    public const string UpdateUsers = "UPDATE_USERS";
    public const string DisableUsers = "DISABLE_USERS";
    public const string RemoveAction = "REMOVE_ACTION";
    public const string GroupNameSource = "GROUP_NAME_SOURCE";

    public const string StatusActive = "ACTIVE";
    public const string StatusInactive = "INACTIVE";

    public static string ToWire(AqueraAuthenticationMethod method) =>
        method == AqueraAuthenticationMethod.BasicAuth ? "Basic Auth" : "OAuth Bearer Token";

    public static AqueraAuthenticationMethod? AuthenticationFromWire(string? value) => value switch
    {
        "Basic Auth" => AqueraAuthenticationMethod.BasicAuth,
        "OAuth Bearer Token" => AqueraAuthenticationMethod.BearerToken,
        _ => null,
    };

    public static string ToWire(AqueraRemoveAction action) => action.ToString();

    public static AqueraRemoveAction? RemoveActionFromWire(string? value) =>
        Enum.TryParse(value, false, out AqueraRemoveAction action) && string.Equals(Enum.GetName(typeof(AqueraRemoveAction), action), value, StringComparison.Ordinal) ? action : null;

    public static string ToWire(AqueraGroupNameSource source) =>
        source == AqueraGroupNameSource.CommonName ? "Common Name" : "Distinguished Name";

    public static AqueraGroupNameSource? GroupNameSourceFromWire(string? value) => value switch
    {
        "Common Name" => AqueraGroupNameSource.CommonName,
        "Distinguished Name" => AqueraGroupNameSource.DistinguishedName,
        _ => null,
    };

    public static string ToWire(AqueraConnectionState state) => state == AqueraConnectionState.Enabled ? StatusActive : StatusInactive;

    public static string Describe(AqueraConnectionState state) => state.ToString().ToLower(CultureInfo.InvariantCulture);
}

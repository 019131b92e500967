using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// The Aquera configuration rules (reference §2.2). With <c>Basic Auth</c> the user and password are required;
/// with <c>OAuth Bearer Token</c> <c>ACCESS_TOKEN</c> is required and the Basic keys are optional (the spec lists
/// ACCESS_TOKEN as optional, but a bearer connection without a token can never work, so the sandbox insists), unless
/// <c>basicKeysAlwaysRequired</c> takes the spec at its word: then they must be present, empty or not (API Q4).
/// </summary>
internal static class AqueraConfigurationValidator
{
    public const string ScimUrl = "SCIM_URL";
    public const string AuthenticationMethod = "AUTHENTICATION_METHOD";
    public const string BasicAuthUser = "BASIC_AUTH_USER";
    public const string BasicAuthPassword = "BASIC_AUTH_PASSWORD";
    public const string AccessToken = "ACCESS_TOKEN";
    public const string BasicAuth = "Basic Auth";
    public const string BearerToken = "OAuth Bearer Token";

    /// <summary>The keys whose values are secrets; the <c>omit</c> knob leaves them out of responses.</summary>
    public static readonly string[] SecretKeys = [BasicAuthPassword, AccessToken];

    private static readonly string[] AuthenticationMethods = [BasicAuth, BearerToken];

    // The three current flags and their deprecated aliases.
    private static readonly string[] BooleanKeys =
        ["CREATE_USERS", "UPDATE_USERS", "DISABLE_USERS", "createNewUsers", "updateNewUsers", "disableNewUsers"];

    private static readonly Dictionary<string, string[]> EnumKeys = new(StringComparer.Ordinal)
    {
        ["REMOVE_ACTION"] = ["Disable", "Delete"],
        ["GROUP_NAME_SOURCE"] = ["Common Name", "Distinguished Name"],
    };

    private static readonly HashSet<string> KnownKeys =
        [ScimUrl, AuthenticationMethod, BasicAuthUser, BasicAuthPassword, AccessToken, .. BooleanKeys, .. EnumKeys.Keys];

    public static void Validate(JsonObject configuration, IReadOnlyList<string> extraKeys, ValidationErrors errors, bool basicKeysAlwaysRequired = false)
    {
        ValidateScimUrl(configuration, errors);
        var method = JsonFields.OneOf(configuration, AuthenticationMethod, Target(AuthenticationMethod), AuthenticationMethods, errors, required: true);
        foreach (var key in (string[])[BasicAuthUser, BasicAuthPassword])
        {
            JsonFields.String(configuration, key, Target(key), errors, required: method == BasicAuth);
            if (basicKeysAlwaysRequired && method == BearerToken && configuration[key] is null)
            {
                errors.Required(Target(key));
            }
        }

        JsonFields.String(configuration, AccessToken, Target(AccessToken), errors, required: method == BearerToken);

        foreach (var key in BooleanKeys)
        {
            JsonFields.Boolean(configuration, key, Target(key), errors);
        }

        foreach (var (key, allowed) in EnumKeys)
        {
            JsonFields.OneOf(configuration, key, Target(key), allowed, errors, required: false);
        }

        foreach (var (key, _) in configuration)
        {
            if (!KnownKeys.Contains(key) && !extraKeys.Contains(key, StringComparer.Ordinal))
            {
                errors.Invalid(Target(key), $"{key} is not a known Aquera configuration key.");
            }
        }
    }

    private static void ValidateScimUrl(JsonObject configuration, ValidationErrors errors)
    {
        var target = Target(ScimUrl);
        var text = JsonFields.String(configuration, ScimUrl, target, errors, required: true);
        if (text is not null
            && !(Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            errors.Invalid(target, $"{target} must be an absolute http or https URL.");
        }
    }

    private static string Target(string key) => "configuration." + key;
}

using AqueraProvisioning.Core;

namespace AqueraProvisioning.Internal;

/// <summary>
/// What a user of the cmdlets should do about a failure, in PowerShell terms (parameters, cmdlets). Core states the
/// facts and the structured data (ErrorId, field, problem, name, status, kind); only this layer knows the
/// parameters. The advice never tells the user to run the cmdlet that just failed.
/// </summary>
internal static class Advice
{
    private const string Connect = "Connect-AqueraPingOne";
    private const string Get = "Get-AqueraConnection";
    private const string GetRule = "Get-AqueraProvisioningRule";
    private const string NewRule = "New-AqueraProvisioningRule";
    private const string SetRule = "Set-AqueraProvisioningRule";
    private const string GetMapping = "Get-AqueraAttributeMapping";
    private const string SetMapping = "Set-AqueraAttributeMapping";
    private const string RemoveMapping = "Remove-AqueraAttributeMapping";
    private const string ImportConfiguration = "Import-AqueraConfiguration";

    /// <summary>The end of New-AqueraConnection's warning that a connection without -AllowCreate, -AllowUpdate or -AllowDisable provisions nobody.</summary>
    public const string NamePreferencesLater = "Name them here, or later with Set-AqueraPreferences.";

    /// <summary>The end of Remove-AqueraProvisioningRule's warning that -Deprovision deprovisioned nobody.</summary>
    public const string DeprovisionOnRuleDeletion = "Set-AqueraPreferences -DeprovisionOnRuleDeletion changes that for the connection's next rule.";

    /// <summary>The advice for a failure of <paramref name="command"/>, or an empty string when the facts say it all.</summary>
    public static string For(AqueraException failure, string command) => failure switch
    {
        AqueraValidationException invalid => ForInput(invalid, command),
        PingOneApiException api => ForApi(api, command),
        AqueraOperationException failed when command == ImportConfiguration && failed.ErrorId == ErrorIds.ConnectionTestFailed =>
            "Fix the SCIM URL or the secret, or use -Force to enable the connection anyway; importing again applies the rest.",
        AqueraOperationException failed => ForOperation(failed, command),
        AqueraConfigurationException configuration => ForConfiguration(configuration),
        _ => string.Empty,
    };

    private static string ForInput(AqueraValidationException invalid, string command) => (invalid.ErrorId, invalid.Field, invalid.Problem) switch
    {
        (ErrorIds.InvalidScimUrl, _, AqueraInputProblem.CarriesUserInfo) => "Pass the credentials with -BearerToken or -Credential instead.",
        (ErrorIds.InvalidScimUrl, _, AqueraInputProblem.Empty) => "Copy the full URL from the Aquera application page, for example https://api.aquera.io/scim/<tenant>/<app>.",
        (ErrorIds.InvalidScimUrl, _, _) => "Give the full https:// URL from the Aquera application page.",
        (ErrorIds.InvalidServiceUrl, "Proxy", AqueraInputProblem.CarriesUserInfo) => "Pass the proxy's user name and password with -ProxyCredential instead.",
        (ErrorIds.InvalidServiceUrl, "Proxy", _) => string.Empty,
        (ErrorIds.InvalidServiceUrl, _, AqueraInputProblem.CarriesUserInfo) => "Give the worker application's credentials with -ClientId and -ClientSecret (or -Credential) instead.",
        (ErrorIds.InvalidServiceUrl, _, _) => "Give an absolute https:// URL without a query, or leave it out to use the region's.",
        (ErrorIds.InvalidCredential, _, AqueraInputProblem.Missing) => "Pass -BearerToken or -Credential.",
        (ErrorIds.InvalidCredential, "BearerToken", _) => "Pass the token from the Aquera application page with -BearerToken, as a SecureString.",
        (ErrorIds.InvalidCredential, "Credential", _) => "Pass -Credential with the Aquera app user and password.",
        (ErrorIds.InvalidCredential, "ClientSecret", _) => "Pass the worker application's secret with -ClientSecret or -Credential.",
        (ErrorIds.InvalidName, _, AqueraInputProblem.Empty) => "Give the name the admin console should show.",
        (ErrorIds.RuleScopeRequired, _, _) => "Give -Population (such as -Population Default), -Group or -Filter.",
        (ErrorIds.InvalidMapping, "Target", _) => "Give the Aquera attribute with -Target, such as userName or name.givenName.",
        (ErrorIds.InvalidMapping, "Source", AqueraInputProblem.Missing) => "Give -Source (a PingOne attribute such as username) or -Expression.",
        (ErrorIds.InvalidMapping, "Expression", _) => "Give -Source or -Expression, not both.",
        (ErrorIds.MissingConnectionSetting, "ClientSecret", _) => "Pass -ClientSecret (a SecureString) or -Credential, or set $env:PINGONE_CLIENT_SECRET.",
        (ErrorIds.MissingConnectionSetting, string parameter, _) => "Pass -" + parameter + " or set $env:" + ConnectionVariable(parameter) + ".",
        (ErrorIds.ConflictingParameters, "EnvironmentId", _) => Unless(command, Connect, "Connect-AqueraPingOne to that environment first.", "Connect to that environment first."),
        (ErrorIds.ConflictingParameters, "Credential", _) => "Pass either -BearerToken (Bearer Token) or -Credential (Basic Auth), not both.",
        (ErrorIds.ConflictingParameters, _, AqueraInputProblem.Missing) when command == "Set-AqueraPreferences" =>
            "Name at least one preference to change: -AllowCreate, -AllowUpdate, -AllowDisable, -RemoveAction, -DeprovisionOnRuleDeletion or -GroupNameSource.",
        (ErrorIds.ConflictingParameters, _, AqueraInputProblem.Missing) when command == "Set-AqueraConnection" =>
            "Name something to change: -NewName, -Description, -ScimUrl, -BearerToken or -Credential.",
        (ErrorIds.ConflictingParameters, _, AqueraInputProblem.Missing) when command == SetRule =>
            "Name something to change: -NewName, -Description, -Population, -Group, -Filter or -State.",
        (ErrorIds.ConflictingParameters, _, AqueraInputProblem.Missing) when command == SetMapping =>
            "Name something to change: -NewTarget, -Source, -Expression or -Type.",
        _ => string.Empty,
    };

    private static string ForOperation(AqueraOperationException failed, string command) => failed.ErrorId switch
    {
        ErrorIds.NotConnected => Unless(command, Connect, "Run Connect-AqueraPingOne first (or set the PINGONE_* environment variables and run it with no parameters).", "Connect first."),
        ErrorIds.ConnectionTestFailed => "Fix the SCIM URL or credentials, or use -Force to save it disabled anyway.",
        ErrorIds.EnableRefused => Unless(command, "Set-AqueraConnection", "Fix the SCIM URL or credentials with Set-AqueraConnection, or use -Force to save it anyway.", "Fix the SCIM URL or credentials, or use -Force to save it anyway."),
        ErrorIds.SecretRequired when command == NewRule || command == SetRule =>
            "Check the connection yourself with Test-AqueraConnection -BearerToken (or -Credential), then use -Force to enable the rule without the test.",
        ErrorIds.SecretRequired => "Pass the current secret again with -BearerToken (Bearer Token) or -Credential (Basic Auth).",
        ErrorIds.RuleExists => Unless(command, SetRule, "Choose another name, or change the existing rule with Set-AqueraProvisioningRule.", "Choose another name."),
        ErrorIds.MappingExists => command switch
        {
            SetMapping => "Choose another -NewTarget, or remove the other mapping first.",
            RemoveMapping => "Change the existing mapping instead.",
            _ => "Change the existing mapping with Set-AqueraAttributeMapping, or remove it first with Remove-AqueraAttributeMapping.",
        },
        ErrorIds.RuleNotFound => Unless(command, GetRule, "Check the name; Get-AqueraProvisioningRule lists the rules.", "Check the name; a wildcard such as 'HR*' also finds names that only start alike."),
        ErrorIds.MappingNotFound => Unless(command, GetMapping, "Get-AqueraAttributeMapping -Rule <rule> lists the rule's mappings.", "Check the target; a wildcard such as 'name.*' also finds targets that only start alike."),
        ErrorIds.PopulationNotFound or ErrorIds.GroupNotFound => "Use a name the environment has (the closest are named), or the id.",
        ErrorIds.UserNotFound => "Check the username: it is the PingOne username (or the user id), not the email address.",
        ErrorIds.NotAnAqueraConnection => Unless(command, Get, "Get-AqueraConnection lists the Aquera connections; stores of other types are left alone.", "Only Aquera connections are managed here; stores of other types are left alone."),
        ErrorIds.NotAnAqueraRule => Unless(command, GetRule, "Get-AqueraProvisioningRule lists the rules to Aquera connections.", "Only rules to Aquera connections are managed here."),
        ErrorIds.RuleEnableRefused when failed.ApiException != null =>
            "Fix what PingOne names (a rule is enabled only with its mappings and an enabled connection), then enable the rule" + Unless(command, SetRule, " with Set-AqueraProvisioningRule -State Enabled", " again") + ".",
        ErrorIds.RuleEnableRefused =>
            "Enable the connection" + Unless(command, "Set-AqueraConnectionState", " with Set-AqueraConnectionState -State Enabled", string.Empty) +
            " and make its test pass" + Unless(command, "Test-AqueraConnection", " (Test-AqueraConnection shows why it fails)", string.Empty) + "; -Force enables the rule without the check.",
        ErrorIds.RuleIncomplete =>
            "Fix the mapping and add it" + Unless(command, "Add-AqueraAttributeMapping", " with Add-AqueraAttributeMapping", string.Empty) +
            ", then enable the rule" + Unless(command, SetRule, " with Set-AqueraProvisioningRule -State Enabled", string.Empty) + ".",
        ErrorIds.ConnectionInUse => "Delete those rules first" + Unless(command, "Remove-AqueraProvisioningRule", " with Remove-AqueraProvisioningRule", string.Empty) + "; a connection that rules use cannot be deleted.",
        ErrorIds.ConnectionExists => Unless(command, "Set-AqueraConnection", "Choose another name, or change the existing connection with Set-AqueraConnection.", "Choose another name."),
        ErrorIds.ConnectionNotFound => Unless(command, Get, "Check the name; Get-AqueraConnection lists the connections.", "Check the name; a wildcard such as 'HR*' also finds names that only start alike."),
        ErrorIds.CreateOutcomeUnknown => "Try again later" + Unless(command, Get, "; Get-AqueraConnection -Name '" + failed.Name + "' shows whether it exists", string.Empty) + ". A name in use is never created twice.",
        ErrorIds.RevisionFailed => (failed.ApiException is PingOneApiException api ? ForApi(api, command) + " " : string.Empty) +
            "The next change made without -NoRevision creates a revision that includes these.",
        _ => failed.ApiException is PingOneApiException api ? ForApi(api, command) : string.Empty,
    };

    private static string ForApi(PingOneApiException api, string command)
    {
        if (api.IsInvalidResponse)
        {
            return api.ContentType != null && api.ContentType.IndexOf("json", System.StringComparison.OrdinalIgnoreCase) < 0
                ? "Something other than the PingOne API answered (a proxy, gateway or captive portal): check -Proxy" + Unless(command, Connect, " on Connect-AqueraPingOne", string.Empty) + " and the network path to PingOne."
                : "Try again; if the answer stays unreadable, quote the correlation id and transaction to Ping support.";
        }

        if (api.RetryAfter != null)
        {
            return "Try again after the wait PingOne asked for.";
        }

        if (api.IsTokenRequest)
        {
            return "Check the worker application's client id, secret, environment and region, and its token endpoint authentication method (-ClientAuthentication).";
        }

        return api.StatusCode switch
        {
            401 => Unless(command, Connect, "Run Connect-AqueraPingOne again.", "Check the worker application and connect again."),
            403 => "Give the worker application the Environment Admin role in this environment.",
            404 => NotFound(api.ResourceKind, command),
            429 => "PingOne is throttling this license; try again later or raise -MaxRetryCount" + Unless(command, Connect, " on Connect-AqueraPingOne", string.Empty) + ".",
            _ => "Quote the correlation id and transaction to Ping support if the problem persists.",
        };
    }

    /// <summary>What to check after a 404, for the kind of thing that was not there.</summary>
    private static string NotFound(PingOneResourceKind kind, string command) => kind switch
    {
        PingOneResourceKind.Store => Unless(command, Get, "Check the id; Get-AqueraConnection lists the connections.", "Check the id, and that the session is connected to the environment that holds it (Get-AqueraPingOneContext)."),
        PingOneResourceKind.Environment => "Check the environment id and the region (or -ApiUrl)" + Unless(command, Connect, " given to Connect-AqueraPingOne", string.Empty) + ".",
        PingOneResourceKind.Rule => Unless(command, GetRule, "Check the propagation rule id; Get-AqueraProvisioningRule lists the rules.", "Check the propagation rule id; it may have been deleted, or belong to another environment."),
        _ => "Check the " + PingOneResourceKinds.Describe(kind) + " id; it may have been deleted, or belong to another environment.",
    };

    /// <summary>
    /// Advice that names <paramref name="cmdlet"/>, or other words when that is the cmdlet that failed (or one whose
    /// name it starts, as Set-AqueraConnection starts Set-AqueraConnectionState).
    /// </summary>
    private static string Unless(string command, string cmdlet, string naming, string otherwise) =>
        cmdlet.IndexOf(command, System.StringComparison.OrdinalIgnoreCase) >= 0 ? otherwise : naming;

    private static string ForConfiguration(AqueraConfigurationException failed) => failed.ErrorId switch
    {
        ErrorIds.InvalidConfigurationFile => "Fix each problem listed (the exception's Problems property has them as objects); Get-Help about_AqueraConfiguration describes every key.",
        ErrorIds.UnsupportedConfigurationFormat => "Name a .psd1 or a .json file.",
        ErrorIds.UnresolvedSecret => "Set the environment variable, pass the secret with -Secret @{ NAME = <SecureString or PSCredential> }, or install Microsoft.PowerShell.SecretManagement for secret: references.",
        _ => string.Empty,
    };

    private static string ConnectionVariable(string parameter) => parameter switch
    {
        "EnvironmentId" => "PINGONE_ENVIRONMENT_ID",
        "ClientId" => "PINGONE_CLIENT_ID",
        _ => "PINGONE_" + parameter.ToUpperInvariant(),
    };
}

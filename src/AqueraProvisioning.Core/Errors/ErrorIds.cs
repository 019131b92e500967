namespace AqueraProvisioning.Core;

/// <summary>
/// The stable ErrorIds this module reports. They are part of the public contract: scripts and tests match
/// <c>FullyQualifiedErrorId</c> against them, so an id is never renamed once shipped.
/// </summary>
public static class ErrorIds
{
    /// <summary>No session: Connect-AqueraPingOne has not been run in this runspace.</summary>
    public const string NotConnected = "AqueraNotConnected";

    /// <summary>The client id, secret or token endpoint refused the worker credentials.</summary>
    public const string AuthenticationFailed = "AqueraAuthenticationFailed";

    /// <summary>Connect-AqueraPingOne was given too little to build a session.</summary>
    public const string MissingConnectionSetting = "AqueraMissingConnectionSetting";

    /// <summary>A region code that PingOne does not have.</summary>
    public const string InvalidRegion = "AqueraInvalidRegion";

    /// <summary>An API, auth or proxy URL that is not acceptable.</summary>
    public const string InvalidServiceUrl = "AqueraInvalidServiceUrl";

    /// <summary>A SCIM URL that is relative, not HTTPS, or carries credentials.</summary>
    public const string InvalidScimUrl = "AqueraInvalidScimUrl";

    /// <summary>An environment, client or connection id that is not a UUID.</summary>
    public const string InvalidId = "AqueraInvalidId";

    /// <summary>An empty, whitespace or over-long connection name.</summary>
    public const string InvalidName = "AqueraInvalidName";

    /// <summary>A description over the service's limit.</summary>
    public const string InvalidDescription = "AqueraInvalidDescription";

    /// <summary>A secret that is empty, or credentials given twice in conflicting ways.</summary>
    public const string InvalidCredential = "AqueraInvalidCredential";

    /// <summary>Parameters that cannot be used together.</summary>
    public const string ConflictingParameters = "AqueraConflictingParameters";

    /// <summary>A retry, timeout or paging setting out of range.</summary>
    public const string InvalidSetting = "AqueraInvalidSetting";

    /// <summary>A connection with that name already exists (the name is the natural key).</summary>
    public const string ConnectionExists = "AqueraConnectionExists";

    /// <summary>A provisioning rule with that name already exists (the name is the natural key in the environment).</summary>
    public const string RuleExists = "AqueraRuleExists";

    /// <summary>The rule already maps that target attribute (a mapping's natural key is rule and target).</summary>
    public const string MappingExists = "AqueraMappingExists";

    /// <summary>A rule names no population, group or filter; the console requires a population or a group.</summary>
    public const string RuleScopeRequired = "AqueraRuleScopeRequired";

    /// <summary>A mapping without a target, with neither or both of source and expression, or a target given twice.</summary>
    public const string InvalidMapping = "AqueraInvalidMapping";

    /// <summary>The propagation rule exists but does not send to an Aquera connection.</summary>
    public const string NotAnAqueraRule = "AqueraNotAnAqueraRule";

    /// <summary>A rule was not enabled: its connection is disabled or fails its test, or PingOne refused.</summary>
    public const string RuleEnableRefused = "AqueraRuleEnableRefused";

    /// <summary>A rule was created, but one of its mappings failed; the rule was left disabled.</summary>
    public const string RuleIncomplete = "AqueraRuleIncomplete";

    /// <summary>A connection that rules still use cannot be deleted; the error names the rules.</summary>
    public const string ConnectionInUse = "AqueraConnectionInUse";

    /// <summary>No connection with that id or name (also: no propagation store with that id, whatever its type).</summary>
    public const string ConnectionNotFound = "AqueraConnectionNotFound";

    /// <summary>No propagation rule with that id or name.</summary>
    public const string RuleNotFound = "AqueraRuleNotFound";

    /// <summary>No attribute mapping with that id.</summary>
    public const string MappingNotFound = "AqueraMappingNotFound";

    /// <summary>No propagation plan with that id.</summary>
    public const string PlanNotFound = "AqueraPlanNotFound";

    /// <summary>No directory user with that id or name.</summary>
    public const string UserNotFound = "AqueraUserNotFound";

    /// <summary>No population with that id or name.</summary>
    public const string PopulationNotFound = "AqueraPopulationNotFound";

    /// <summary>No group with that id or name.</summary>
    public const string GroupNotFound = "AqueraGroupNotFound";

    /// <summary>PingOne has no such thing (404) of a kind without an id of its own: an environment, a revision.</summary>
    public const string NotFound = "AqueraNotFound";

    /// <summary>The store exists but is not an Aquera connection.</summary>
    public const string NotAnAqueraConnection = "AqueraNotAnAqueraConnection";

    /// <summary>The connection test failed.</summary>
    public const string ConnectionTestFailed = "AqueraConnectionTestFailed";

    /// <summary>The service refused a change because a write-only secret did not come back with the store.</summary>
    public const string SecretRequired = "AqueraSecretRequired";

    /// <summary>PingOne refused the request as invalid (400).</summary>
    public const string InvalidRequest = "AqueraInvalidRequest";

    /// <summary>PingOne refused the token (401) even after a renewal.</summary>
    public const string Unauthorized = "AqueraUnauthorized";

    /// <summary>The worker application lacks a role (403); it needs Environment Admin.</summary>
    public const string PermissionDenied = "AqueraPermissionDenied";

    /// <summary>PingOne reported a conflict (409).</summary>
    public const string Conflict = "AqueraConflict";

    /// <summary>Still throttled (429) after every retry.</summary>
    public const string Throttled = "AqueraThrottled";

    /// <summary>A server error or unreachable service after every retry.</summary>
    public const string ServiceUnavailable = "AqueraServiceUnavailable";

    /// <summary>A request that took longer than the per-request timeout.</summary>
    public const string Timeout = "AqueraTimeout";

    /// <summary>
    /// A success whose body could not be read or used: cut short, an HTML page (from a proxy or gateway), not JSON,
    /// JSON of another shape, a connection that broke mid-body.
    /// </summary>
    public const string InvalidResponse = "AqueraInvalidResponse";

    /// <summary>Any other PingOne API failure.</summary>
    public const string ApiError = "AqueraApiError";

    /// <summary>A create whose outcome stayed unknown after every attempt to resolve it.</summary>
    public const string CreateOutcomeUnknown = "AqueraCreateOutcomeUnknown";

    /// <summary>The revision after a change could not be created.</summary>
    public const string RevisionFailed = "AqueraRevisionFailed";

    /// <summary>Enabling a connection whose test fails is refused without -Force.</summary>
    public const string EnableRefused = "AqueraEnableRefused";

    /// <summary>
    /// A configuration document with problems (unknown or missing keys, wrong types or values, duplicate names,
    /// names the environment does not have); <see cref="AqueraConfigurationException.Problems"/> lists every one.
    /// </summary>
    public const string InvalidConfigurationFile = "AqueraInvalidConfigurationFile";

    /// <summary>A configuration file that does not exist, or cannot be read or written.</summary>
    public const string ConfigurationFileUnavailable = "AqueraConfigurationFileUnavailable";

    /// <summary>A configuration file name that ends neither in .psd1 nor in .json.</summary>
    public const string UnsupportedConfigurationFormat = "AqueraUnsupportedConfigurationFormat";

    /// <summary>A secret reference that an import needs but that nothing resolves.</summary>
    public const string UnresolvedSecret = "AqueraUnresolvedSecret";
}

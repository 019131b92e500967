namespace AqueraProvisioning.Sandbox;

/// <summary>Where a running sandbox listens and the fixed demo credentials it accepts; the same data as the ready line.</summary>
/// <param name="BaseUrl">Root of the server, for example <c>http://127.0.0.1:5123</c>.</param>
/// <param name="ApiUrl">PingOne management API base: <see cref="BaseUrl"/> + <c>/v1</c>.</param>
/// <param name="AuthUrl">PingOne auth base (token endpoint is <c>{AuthUrl}/{EnvironmentId}/as/token</c>).</param>
/// <param name="ScimUrl">Fake Aquera SCIM 2.0 base: <see cref="BaseUrl"/> + <c>/scim/v2</c>.</param>
/// <param name="ControlUrl">Test-control API: <see cref="BaseUrl"/> + <c>/__sandbox</c>.</param>
/// <param name="EnvironmentId">The only environment the sandbox knows.</param>
/// <param name="ClientId">Worker application client id accepted by the token endpoint.</param>
/// <param name="ClientSecret">Worker application client secret accepted by the token endpoint.</param>
/// <param name="ScimBearerToken">Bearer token the fake SCIM service accepts at start-up.</param>
/// <param name="ScimUser">Basic-auth user the fake SCIM service accepts at start-up.</param>
/// <param name="ScimPassword">Basic-auth password the fake SCIM service accepts at start-up.</param>
/// <param name="WorkerEnvironmentId">A second environment that also holds the worker application (as PingOne's
/// Administrators environment does); a token from its token endpoint manages <paramref name="EnvironmentId"/>.</param>
public sealed record SandboxInfo(
    string BaseUrl,
    string ApiUrl,
    string AuthUrl,
    string ScimUrl,
    string ControlUrl,
    string EnvironmentId,
    string ClientId,
    string ClientSecret,
    string ScimBearerToken,
    string ScimUser,
    string ScimPassword,
    string WorkerEnvironmentId)
{
    internal static SandboxInfo ForBaseUrl(string baseUrl) => new(
        baseUrl,
        baseUrl + "/v1",
        baseUrl,
        baseUrl + "/scim/v2",
        baseUrl + "/__sandbox",
        SandboxCredentials.EnvironmentId,
        SandboxCredentials.ClientId,
        SandboxCredentials.ClientSecret,
        SandboxCredentials.ScimBearerToken,
        SandboxCredentials.ScimUser,
        SandboxCredentials.ScimPassword,
        SandboxCredentials.WorkerEnvironmentId);

    /// <summary>Collection URL of the environment's propagation stores.</summary>
    internal string StoresUrl => ApiUrls.Collection(this, "propagation/stores");

    /// <summary>Collection URL of the environment's propagation revisions.</summary>
    internal string RevisionsUrl => ApiUrls.Collection(this, "propagation/revisions");
}

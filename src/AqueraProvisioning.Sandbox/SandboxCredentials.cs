namespace AqueraProvisioning.Sandbox;

/// <summary>
/// Fixed demo credentials. They only ever unlock this loopback sandbox, so being fixed and public is the point:
/// demos and tests can be written down without a set-up step.
/// </summary>
internal static class SandboxCredentials
{
    public const string EnvironmentId = "5b0c3f7e-2d41-4a8c-9e16-7f3a2b8d4c90";

    /// <summary>
    /// A second environment that holds the same worker application but no connections, like PingOne's
    /// Administrators environment: its tokens manage <see cref="EnvironmentId"/>.
    /// </summary>
    public const string WorkerEnvironmentId = "c2a7e9d1-4f36-4b8e-8d15-6a0f3e92b7c4";
    public const string ClientId = "9d7e1c24-6b3a-4f58-a0c2-3e8f5d1b7a46";
    public const string ClientSecret = "sandbox-client-secret-8Jq2vN5xR7tL4wPz";
    public const string ScimBearerToken = "sandbox-scim-bearer-token-K3m9Tq6yH2cV8dFs";
    public const string ScimUser = "aquera-sandbox";
    public const string ScimPassword = "sandbox-scim-password-W5n1Bx7gZ4rJ6kQe";
}

namespace AqueraProvisioning.Sandbox;

/// <summary>Whether API responses carry the stored secrets (<c>BASIC_AUTH_PASSWORD</c>, <c>ACCESS_TOKEN</c>).</summary>
public enum SecretsMode
{
    /// <summary>Secrets are returned as stored (what PingOne's published example shows).</summary>
    Echo,

    /// <summary>Secrets are left out of every response, so a client must resend them on PUT.</summary>
    Omit,
}

namespace AqueraProvisioning.Core;

/// <summary>Why an import sends a connection's secret. PingOne never returns a stored secret to compare with, so a secret is sent only for one of these reasons.</summary>
public enum ConfigurationCredentialUse
{
    /// <summary>The stored credential is kept; no secret is read.</summary>
    None,

    /// <summary>The connection is created, so it needs one.</summary>
    Create,

    /// <summary>The authentication method or the Basic user changes, so a matching secret must go with it.</summary>
    AuthenticationChange,

    /// <summary>The caller supplied the secret with the import: it is set even when nothing else changes (rotation).</summary>
    Supplied,

    /// <summary>The connection changes and PingOne does not return its stored secret, so the secret must be sent again.</summary>
    Resend,
}

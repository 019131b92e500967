namespace AqueraProvisioning.Core;

/// <summary>Where a secret reference says the secret is found.</summary>
public enum ConfigurationSecretSource
{
    /// <summary><c>env:NAME</c>: an environment variable.</summary>
    EnvironmentVariable,

    /// <summary><c>secret:NAME</c>: a secret vault (Microsoft.PowerShell.SecretManagement's Get-Secret).</summary>
    SecretVault,

    /// <summary><c>NAME</c>: a secret the caller supplies with the import, under that name.</summary>
    Supplied,
}

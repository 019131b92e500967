using System;
using System.Collections;
using System.Management.Automation;
using System.Net;
using System.Security;
using AqueraProvisioning.Core;

namespace AqueraProvisioning.Internal;

/// <summary>
/// Where the cmdlets find secrets for an import: the -Secret hashtable (SecureStrings or PSCredentials, keyed by the
/// reference's name), environment variables for env:NAME, and a vault lookup for secret:NAME (Get-Secret, when
/// Microsoft.PowerShell.SecretManagement is present). A -Secret entry supplies its secret whatever the reference's
/// prefix, so one can be rotated without touching the file or the environment.
/// </summary>
internal sealed class ConfigurationSecretResolver : IConfigurationSecretResolver
{
    private readonly IDictionary? _supplied;
    private readonly Func<string, SecretLookup>? _vault;

    /// <summary>Creates the resolver.</summary>
    /// <param name="supplied">The -Secret hashtable, or null.</param>
    /// <param name="vault">Looks a secret:NAME up; null when SecretManagement is not installed.</param>
    public ConfigurationSecretResolver(IDictionary? supplied, Func<string, SecretLookup>? vault)
    {
        _supplied = supplied;
        _vault = vault;
    }

    public bool IsSupplied(ConfigurationSecretReference reference) => SuppliedKey(reference.Name) != null;

    public SecretLookup Find(ConfigurationSecretReference reference)
    {
        object? key = SuppliedKey(reference.Name);
        if (key != null)
        {
            return FromSupplied(reference.Name, _supplied![key]);
        }

        switch (reference.Source)
        {
            case ConfigurationSecretSource.EnvironmentVariable:
                string? value = Environment.GetEnvironmentVariable(reference.Name);
                return string.IsNullOrEmpty(value)
                    ? SecretLookup.NotFound("the environment variable " + reference.Name + " is not set")
                    : SecretLookup.Found(new NetworkCredential(string.Empty, value).SecurePassword);
            case ConfigurationSecretSource.SecretVault:
                return _vault is null
                    ? SecretLookup.NotFound("Microsoft.PowerShell.SecretManagement is not installed, so secret: references cannot be read (Install-PSResource Microsoft.PowerShell.SecretManagement, or use -Secret)")
                    : _vault(reference.Name);
            default:
                return SecretLookup.NotFound("-Secret has no entry '" + reference.Name + "'");
        }
    }

    private static SecretLookup FromSupplied(string name, object? value)
    {
        switch (value is PSObject wrapped ? wrapped.BaseObject : value)
        {
            case SecureString secret:
                return SecretLookup.Found(secret);
            case PSCredential credential when credential != PSCredential.Empty:
                return SecretLookup.Found(credential.Password, credential.UserName);
            default:
                // A plain string would have put the secret in the shell's history and in memory as text.
                return SecretLookup.NotFound("the -Secret entry '" + name + "' is not a SecureString or a PSCredential");
        }
    }

    // Hashtables are case-insensitive by default, but a caller may pass one that is not.
    private object? SuppliedKey(string name)
    {
        if (_supplied is null)
        {
            return null;
        }

        foreach (object key in _supplied.Keys)
        {
            if (key is string text && string.Equals(text, name, StringComparison.OrdinalIgnoreCase))
            {
                return key;
            }
        }

        return null;
    }
}

namespace AqueraProvisioning.Core;

/// <summary>
/// Looks secrets up for an import. Core decides which references are needed and when; the host (the cmdlet layer)
/// knows where secrets live: the secrets supplied with the import, environment variables, and Get-Secret when
/// Microsoft.PowerShell.SecretManagement is present. Core calls it synchronously, before any change is sent, on the
/// caller's thread, so an implementation may run PowerShell commands.
/// </summary>
public interface IConfigurationSecretResolver
{
    /// <summary>
    /// True when the caller supplied a secret under the reference's <see cref="ConfigurationSecretReference.Name"/>
    /// for this import. A supplied secret is always applied; one that is only available (an environment variable
    /// that happens to be set) is read only when a credential is needed.
    /// </summary>
    /// <param name="reference">The reference.</param>
    bool IsSupplied(ConfigurationSecretReference reference);

    /// <summary>
    /// The secret: the supplied one under the reference's name if there is one, else from the place the reference
    /// names. Never throws for a secret that is not there: it returns <see cref="SecretLookup.NotFound"/> with the
    /// reason.
    /// </summary>
    /// <param name="reference">The reference.</param>
    SecretLookup Find(ConfigurationSecretReference reference);
}

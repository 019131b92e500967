using System;
using System.Collections.Generic;
using System.Linq;

namespace AqueraProvisioning.Core;

/// <summary>
/// Turns secret references into credentials for an import, all before anything is sent. Only the steps that need a
/// credential (<see cref="ConfigurationChange.NeedsCredential"/>) read a secret; a connection whose secret is not
/// needed keeps its stored one and its reference is never looked up.
/// </summary>
public static class ConfigurationSecrets
{
    /// <summary>
    /// The connections whose secret the caller supplied for this import, for
    /// <see cref="ConfigurationPlanOptions.SuppliedSecrets"/>. With <paramref name="environment"/>, a supplied secret
    /// equal to the one PingOne returned as stored is left out: supplying the same secret again changes nothing, so
    /// a re-import stays without writes. Where PingOne returns no secret, a supplied one cannot be compared and counts.
    /// </summary>
    /// <param name="desired">The document.</param>
    /// <param name="resolver">The host's resolver.</param>
    /// <param name="environment">The environment, to compare with its stored secrets; null to count every supplied one.</param>
    public static ISet<string> Supplied(AqueraConfiguration desired, IConfigurationSecretResolver resolver, ConfigurationEnvironment? environment = null)
    {
        if (desired is null)
        {
            throw new ArgumentNullException(nameof(desired));
        }

        if (resolver is null)
        {
            throw new ArgumentNullException(nameof(resolver));
        }

        IReadOnlyList<ConfigurationSecretReference> references = ConfigurationFields.SecretsOf(desired);
        var names = new HashSet<string>(ConfigurationNames.Comparer);
        for (int i = 0; i < desired.Connections.Count; i++)
        {
            if (resolver.IsSupplied(references[i]) && !IsStored(desired.Connections[i], references[i], resolver, environment))
            {
                names.Add(desired.Connections[i].Name);
            }
        }

        return names;
    }

    /// <summary>
    /// The credential of every connection the plan sends one for, keyed by connection name (case-insensitive). A
    /// bearer connection takes the secret as its token (a credential's user name is ignored); a Basic connection takes
    /// it as the password of its BasicAuthUser, and a credential's user name, if any, must be that user.
    /// </summary>
    /// <param name="desired">The document the plan was made from.</param>
    /// <param name="plan">The plan.</param>
    /// <param name="resolver">The host's resolver.</param>
    /// <param name="file">The file, for messages; null for none.</param>
    /// <exception cref="AqueraConfigurationException">Some are missing or unusable (<see cref="ErrorIds.UnresolvedSecret"/>); every one is listed.</exception>
    public static IReadOnlyDictionary<string, AqueraCredential> Resolve(AqueraConfiguration desired, ConfigurationPlan plan, IConfigurationSecretResolver resolver, string? file = null)
    {
        if (desired is null)
        {
            throw new ArgumentNullException(nameof(desired));
        }

        if (plan is null)
        {
            throw new ArgumentNullException(nameof(plan));
        }

        if (resolver is null)
        {
            throw new ArgumentNullException(nameof(resolver));
        }

        IReadOnlyList<ConfigurationSecretReference> references = ConfigurationFields.SecretsOf(desired);
        var problems = new ConfigurationProblems(file);
        var credentials = new Dictionary<string, AqueraCredential>(ConfigurationNames.Comparer);
        foreach (ConfigurationChange change in plan.NeedingCredentials)
        {
            int index = desired.Connections.IndexOf(change.Desired as AqueraConfigurationConnection ?? throw new ArgumentException("The plan was not made from this document.", nameof(plan)));
            if (index < 0)
            {
                throw new ArgumentException("The plan was not made from this document.", nameof(plan));
            }

            AqueraConfigurationConnection connection = desired.Connections[index];
            string item = ConfigurationLocation.Connection(index, connection.Name);
            AqueraCredential? credential = Credential(connection, references[index], change.CredentialUse, resolver.Find(references[index]), item, problems);
            if (credential != null)
            {
                credentials[connection.Name] = credential;
            }
        }

        if (problems.Count > 0)
        {
            throw AqueraConfigurationException.Unresolved(file, problems.All);
        }

        return credentials;
    }

    private static bool IsStored(AqueraConfigurationConnection connection, ConfigurationSecretReference reference, IConfigurationSecretResolver resolver, ConfigurationEnvironment? environment)
    {
        if (environment is null || !environment.StoredSecretDigests.TryGetValue(connection.Name, out byte[]? stored))
        {
            return false;
        }

        // A credential for another user is not "the same"; Resolve reports it when the plan sends it.
        SecretLookup lookup = resolver.Find(reference);
        return lookup.Secret != null
            && (lookup.UserName is null || string.Equals(lookup.UserName, connection.BasicAuthUser, StringComparison.Ordinal))
            && SecretDigest.Same(stored, SecretDigest.Of(lookup.Secret));
    }

    private static AqueraCredential? Credential(AqueraConfigurationConnection connection, ConfigurationSecretReference reference, ConfigurationCredentialUse use, SecretLookup lookup, string item, ConfigurationProblems problems)
    {
        string what = "'" + reference + "' (needed " + Why(use) + ")";
        if (!lookup.IsFound)
        {
            problems.Add(ConfigurationProblemKind.UnresolvedSecret, item, ConfigurationKeys.Secret, what + " was not found: " + lookup.Reason + ".");
            return null;
        }

        if (SecretText.IsBlank(lookup.Secret))
        {
            problems.Add(ConfigurationProblemKind.UnresolvedSecret, item, ConfigurationKeys.Secret, what + " is empty.");
            return null;
        }

        if (connection.AuthenticationMethod == AqueraAuthenticationMethod.BearerToken)
        {
            return AqueraCredential.Bearer(lookup.Secret!);
        }

        string user = connection.BasicAuthUser ?? string.Empty;
        if (lookup.UserName != null && !string.Equals(lookup.UserName, user, StringComparison.Ordinal))
        {
            problems.Add(ConfigurationProblemKind.UnresolvedSecret, item, ConfigurationKeys.Secret, what + " is a credential for '" + lookup.UserName + "', but BasicAuthUser is '" + user + "'.");
            return null;
        }

        return AqueraCredential.Basic(user, lookup.Secret!);
    }

    private static string Why(ConfigurationCredentialUse use) => use switch
    {
        ConfigurationCredentialUse.Create => "to create the connection",
        ConfigurationCredentialUse.AuthenticationChange => "because the authentication changes",
        ConfigurationCredentialUse.Resend => "because PingOne does not return the stored secret and the connection changes",
        _ => "because it was supplied",
    };
}

using System.Collections.Generic;

namespace AqueraProvisioning.Core;

/// <summary>
/// An environment as an import sees it: its provisioning set-up as a document (what Compare and Export show), the
/// names its rules may refer to, and, kept out of the document, the ids an import needs to change what is there.
/// Read by <see cref="ConfigurationEnvironmentReader"/>; it holds no secret.
/// </summary>
public sealed class ConfigurationEnvironment
{
    internal ConfigurationEnvironment(AqueraConfiguration document, ConfigurationEnvironmentNames names, ProvisioningCatalog catalog)
    {
        Document = document;
        Names = names;
        Catalog = catalog;
    }

    /// <summary>The environment's connections, rules and mappings as a document, in name order, without secret references.</summary>
    public AqueraConfiguration Document { get; }

    /// <summary>The connections, populations and groups the environment has.</summary>
    public ConfigurationEnvironmentNames Names { get; }

    /// <summary>The connections whose stored secret PingOne did not return (case-insensitive names).</summary>
    public ISet<string> SecretNotReturned { get; } = new HashSet<string>(ConfigurationNames.Comparer);

    /// <summary>
    /// Digests of the stored secrets PingOne returned, by connection name (case-insensitive), so that a secret
    /// supplied again unchanged is not a change. Not the secrets themselves.
    /// </summary>
    internal Dictionary<string, byte[]> StoredSecretDigests { get; } = new Dictionary<string, byte[]>(ConfigurationNames.Comparer);

    /// <summary>The invocation's catalog the environment was read through; the import goes on with it.</summary>
    internal ProvisioningCatalog Catalog { get; }

    /// <summary>The environment's connections by name.</summary>
    internal Dictionary<string, AqueraConnection> Connections { get; } = new Dictionary<string, AqueraConnection>(ConfigurationNames.Comparer);

    /// <summary>The environment's rules by name, with their mappings read.</summary>
    internal Dictionary<string, AqueraProvisioningRule> Rules { get; } = new Dictionary<string, AqueraProvisioningRule>(ConfigurationNames.Comparer);
}

using System.Collections.Generic;

namespace AqueraProvisioning.Core;

/// <summary>What a plan takes besides the two documents.</summary>
public sealed class ConfigurationPlanOptions
{
    /// <summary>Delete what the document does not name (connections, rules, and mappings of the rules it names).</summary>
    public bool Prune { get; set; }

    /// <summary>Names of the connections whose secret the caller supplied for this import (case-insensitive).</summary>
    public ISet<string> SuppliedSecrets { get; } = new HashSet<string>(ConfigurationNames.Comparer);

    /// <summary>
    /// Names of the connections whose stored secret PingOne did not return, so that any change to them must send
    /// the secret again (case-insensitive).
    /// </summary>
    public ISet<string> SecretNotReturned { get; } = new HashSet<string>(ConfigurationNames.Comparer);
}

using System.Collections.Generic;

namespace AqueraProvisioning.Core;

/// <summary>The names an environment has, which a document's rules may refer to; all compare case-insensitively.</summary>
public sealed class ConfigurationEnvironmentNames
{
    /// <summary>The Aquera connections.</summary>
    public ISet<string> Connections { get; } = new HashSet<string>(ConfigurationNames.Comparer);

    /// <summary>The populations.</summary>
    public ISet<string> Populations { get; } = new HashSet<string>(ConfigurationNames.Comparer);

    /// <summary>The groups.</summary>
    public ISet<string> Groups { get; } = new HashSet<string>(ConfigurationNames.Comparer);
}

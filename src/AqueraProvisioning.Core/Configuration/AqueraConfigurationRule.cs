using System.Collections.Generic;
using System.Linq;

namespace AqueraProvisioning.Core;

/// <summary>
/// One outbound rule in a configuration document: which PingOne users (populations, groups and a filter) it sends
/// to which connection, and how their attributes map.
/// </summary>
public sealed class AqueraConfigurationRule
{
    /// <summary>The rule name: its identity (case-insensitive) across environments.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The name of the connection it targets (in the document or already in the environment).</summary>
    public string Connection { get; set; } = string.Empty;

    /// <summary>The description; empty for none.</summary>
    public string Description { get; set; } = string.Empty;

    /// <summary>Population names; a user in any of them is in scope (order does not matter).</summary>
    public IList<string> Populations { get; } = new List<string>();

    /// <summary>Group names the rule provisions (order does not matter).</summary>
    public IList<string> Groups { get; } = new List<string>();

    /// <summary>A SCIM filter over PingOne users, ANDed with the populations; empty for none. Compared as written.</summary>
    public string Filter { get; set; } = string.Empty;

    /// <summary>Enabled or disabled.</summary>
    public AqueraConnectionState State { get; set; } = AqueraConnectionState.Disabled;

    /// <summary>The attribute mappings, each known by its target.</summary>
    public IList<AqueraConfigurationMapping> Mappings { get; } = new List<AqueraConfigurationMapping>();

    /// <summary>The mapping with this target (case-insensitive), or null.</summary>
    /// <param name="target">The target attribute.</param>
    public AqueraConfigurationMapping? FindMapping(string target) =>
        Mappings.FirstOrDefault(m => ConfigurationNames.Same(m.Target, target));

    /// <summary>The rule name.</summary>
    public override string ToString() => Name;
}

using System.Collections.Generic;
using System.Linq;

namespace AqueraProvisioning.Core;

/// <summary>What importing a document would change, step by step in the order to apply them.</summary>
public sealed class ConfigurationPlan
{
    internal ConfigurationPlan(IList<ConfigurationChange> changes)
    {
        Changes = changes.ToList().AsReadOnly();
    }

    /// <summary>
    /// Every step, Unchanged ones included: connections first (created, updated, enabled), then each rule followed
    /// by its mappings, then deletions in reverse dependency order (mappings, rules, connections).
    /// </summary>
    public IReadOnlyList<ConfigurationChange> Changes { get; }

    /// <summary>True when applying the plan would change anything.</summary>
    public bool HasChanges => Changes.Any(c => c.Action != ConfigurationAction.Unchanged);

    /// <summary>The steps that need a connection's secret resolved before anything is applied.</summary>
    public IEnumerable<ConfigurationChange> NeedingCredentials => Changes.Where(c => c.NeedsCredential);

    /// <summary>One line per step.</summary>
    public override string ToString() => string.Join("\n", Changes.Select(c => c.ToString()));
}

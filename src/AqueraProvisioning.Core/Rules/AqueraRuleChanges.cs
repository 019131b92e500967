using System.Collections.Generic;

namespace AqueraProvisioning.Core;

/// <summary>What to change on a rule; null leaves a property as it is.</summary>
public sealed class AqueraRuleChanges
{
    /// <summary>A new name.</summary>
    public string? NewName { get; set; }

    /// <summary>A new description; empty removes it.</summary>
    public string? Description { get; set; }

    /// <summary>The populations (names or ids) that replace the rule's; empty removes them all.</summary>
    public IList<string>? Populations { get; set; }

    /// <summary>The groups (names or ids) that replace the rule's; empty removes them all.</summary>
    public IList<string>? Groups { get; set; }

    /// <summary>A filter that replaces the rule's free filter; empty removes it.</summary>
    public string? Filter { get; set; }

    /// <summary>Enable or disable the rule (the console's rule toggle).</summary>
    public AqueraConnectionState? State { get; set; }

    /// <summary>True when nothing is asked for.</summary>
    public bool IsEmpty => NewName is null && Description is null && Populations is null && Groups is null && Filter is null && State is null;
}

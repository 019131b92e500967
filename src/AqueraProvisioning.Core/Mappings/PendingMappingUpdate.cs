namespace AqueraProvisioning.Core;

/// <summary>A mapping change that has been read and worked out but not sent: the pause where a cmdlet asks ShouldProcess.</summary>
public sealed class PendingMappingUpdate
{
    internal PendingMappingUpdate(AqueraAttributeMapping current, PropagationMapping saved, PropagationMapping replacement, bool isNoOp, AqueraProvisioningRule rule)
    {
        Current = current;
        Saved = saved;
        Replacement = replacement;
        IsNoOp = isNoOp;
        Rule = rule;
    }

    /// <summary>The mapping as it is saved now.</summary>
    public AqueraAttributeMapping Current { get; }

    /// <summary>True when the mapping already is as asked.</summary>
    public bool IsNoOp { get; }

    /// <summary>The mapping's rule.</summary>
    public AqueraProvisioningRule Rule { get; }

    /// <summary>What the mapping will read after the change: "source -> target".</summary>
    public string Proposed => (Replacement.SourceAttribute ?? Replacement.Expression) + " -> " + Replacement.TargetAttribute;

    internal PropagationMapping Saved { get; }

    internal PropagationMapping Replacement { get; }
}

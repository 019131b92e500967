namespace AqueraProvisioning.Core;

/// <summary>A rule change that has been read and worked out but not sent: the pause where a cmdlet asks ShouldProcess.</summary>
public sealed class PendingRuleUpdate
{
    internal PendingRuleUpdate(AqueraProvisioningRule current, PropagationRule saved, PropagationRule replacement, bool isNoOp)
    {
        Current = current;
        Saved = saved;
        Replacement = replacement;
        IsNoOp = isNoOp;
    }

    /// <summary>The rule as it is saved now.</summary>
    public AqueraProvisioningRule Current { get; }

    /// <summary>True when the rule already is as asked.</summary>
    public bool IsNoOp { get; }

    /// <summary>True when the change turns the rule on.</summary>
    public bool Enables => Replacement.IsActive && !Saved.IsActive;

    internal PropagationRule Saved { get; }

    internal PropagationRule Replacement { get; }
}

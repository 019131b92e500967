namespace AqueraProvisioning.Core;

/// <summary>The outcome of a rule update.</summary>
public sealed class AqueraRuleUpdateResult
{
    internal AqueraRuleUpdateResult(AqueraProvisioningRule rule, bool changed)
    {
        Rule = rule;
        Changed = changed;
    }

    /// <summary>The rule as saved.</summary>
    public AqueraProvisioningRule Rule { get; }

    /// <summary>False when the rule already was as asked, so nothing was sent.</summary>
    public bool Changed { get; }
}

/// <summary>The outcome of a rule delete.</summary>
public sealed class AqueraRuleDeleteResult
{
    internal AqueraRuleDeleteResult(int mappingsDeleted, bool deprovisionIgnored)
    {
        MappingsDeleted = mappingsDeleted;
        DeprovisionIgnored = deprovisionIgnored;
    }

    /// <summary>How many mappings were deleted before the rule.</summary>
    public int MappingsDeleted { get; }

    /// <summary>
    /// True when deprovisioning was asked for but the connection does not deprovision on rule deletion (its store is
    /// not managed), so PingOne deprovisions nobody.
    /// </summary>
    public bool DeprovisionIgnored { get; }
}

using System.Collections.Generic;
using System.Management.Automation;
using AqueraProvisioning.Completers;
using AqueraProvisioning.Core;

namespace AqueraProvisioning.Internal;

/// <summary>
/// The base of the cmdlets that change rules: the rules by -Name (wildcards; a literal name that matches nothing is
/// ObjectNotFound) or by -Id (also from the pipeline, by property name, with a piped rule's EnvironmentId checked
/// against the session). Each rule is handled on its own, with ShouldProcess per rule.
/// </summary>
public abstract class RuleTargetCmdlet : AqueraChangeCmdlet
{
    /// <summary>The parameter set that takes rule names.</summary>
    protected const string ByNameSet = "ByName";

    /// <summary>The parameter set that takes the rule id.</summary>
    protected const string ByIdSet = "ById";

    /// <summary><para type="description">Rule names; wildcards allowed, each match handled (and confirmed) on its own. Names piped as text, or as a Name property (such as a CSV column), bind here.</para></summary>
    [Parameter(ParameterSetName = ByNameSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(RuleNameCompleter))]
    public string[] Name { get; set; } = System.Array.Empty<string>();

    /// <summary><para type="description">The rule id. Piped rules bind here by property name.</para></summary>
    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("RuleId")]
    [ArgumentCompleter(typeof(IdCompleter))]
    public string Id { get; set; } = string.Empty;

    /// <summary><para type="description">The environment the rule belongs to; piped rules bind it by property name, and it must be the session's environment.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? EnvironmentId { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing() => RequireSession();

    /// <summary>Works on one rule (ShouldProcess, then the change).</summary>
    internal abstract void Process(PingOneSession session, ProvisioningCatalog catalog, AqueraProvisioningRule rule);

    /// <inheritdoc />
    internal override void ProcessInput()
    {
        PingOneSession session = RequireSession();
        ProvisioningCatalog catalog = Catalog(session);
        foreach (AqueraProvisioningRule rule in Targets(session, catalog))
        {
            ForEachInput(rule.Name, () => Process(session, catalog, rule));
        }
    }

    /// <summary>The ShouldProcess target text: name, connection and id.</summary>
    internal static string Describe(AqueraProvisioningRule rule) => "'" + rule.Name + "' to '" + rule.ConnectionName + "' (" + rule.Id + ")";

    private List<AqueraProvisioningRule> Targets(PingOneSession session, ProvisioningCatalog catalog)
    {
        var targets = new List<AqueraProvisioningRule>();
        if (ParameterSetName == ByIdSet)
        {
            ForEachInput(Id, () =>
            {
                ConnectionTargetCmdlet.RequireSessionEnvironment(EnvironmentId, session, "rule");
                targets.Add(Run(ct => session.Rules.GetAsync(catalog, Id, Context, ct)));
            });
            return targets;
        }

        ForEachInput(string.Join(", ", Name), () =>
        {
            ConnectionTargetCmdlet.RequireSessionEnvironment(EnvironmentId, session, "rule");
            IEnumerable<AqueraProvisioningRule> rules = Slot.RememberRules(Run(ct => session.Rules.ListAsync(catalog, null, false, Context, ct)));
            targets = NamedTargets.Matching(this, Name, rules, r => r.Name, AqueraRules.NoRuleNamed);
        });
        return targets;
    }
}

using System.Collections.Generic;
using System.Management.Automation;
using AqueraProvisioning.Completers;
using AqueraProvisioning.Core;

namespace AqueraProvisioning.Internal;

/// <summary>
/// The base of the cmdlets that change mappings: a mapping by -Rule and -Target (its natural key), or by -Id
/// (piped mappings bind here by property name). The rule's mappings are read once per invocation.
/// </summary>
public abstract class MappingTargetCmdlet : AqueraChangeCmdlet
{
    /// <summary>The parameter set that takes the rule and target.</summary>
    protected const string ByTargetSet = "ByTarget";

    /// <summary>The parameter set that takes the mapping id.</summary>
    protected const string ByIdSet = "ById";

    private MappingIndex? _index;

    /// <summary><para type="description">The rule: a rule object, its name or its id.</para></summary>
    [Parameter(ParameterSetName = ByTargetSet, Mandatory = true)]
    [RuleArgument]
    [ArgumentCompleter(typeof(RuleNameCompleter))]
    public AqueraProvisioningRule Rule { get; set; } = new AqueraProvisioningRule();

    /// <summary><para type="description">The mapping id. Piped mappings bind here by property name.</para></summary>
    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("MappingId")]
    public string Id { get; set; } = string.Empty;

    /// <summary><para type="description">Write each mapping: as changed, or as it was before deletion.</para></summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>The target attributes named (-Target).</summary>
    internal abstract IEnumerable<string> TargetNames { get; }

    /// <summary>Whether -Target takes * and ? (brackets are always literal: they belong to SCIM paths).</summary>
    internal virtual bool TargetWildcards => true;

    /// <inheritdoc />
    protected override void BeginProcessing() => RequireSession();

    /// <summary>Works on one mapping (ShouldProcess, then the change).</summary>
    internal abstract void Process(PingOneSession session, MappingIndex index, AqueraProvisioningRule rule, AqueraAttributeMapping mapping);

    /// <inheritdoc />
    internal override void ProcessInput()
    {
        PingOneSession session = RequireSession();
        _index ??= session.Mappings.NewIndex();
        MappingIndex index = _index;
        ForEachInput(ParameterSetName == ByIdSet ? Id : Rule.ToString(), () =>
        {
            AqueraProvisioningRule rule;
            var mappings = new List<AqueraAttributeMapping>();
            if (ParameterSetName == ByIdSet)
            {
                AqueraAttributeMapping byId = Run(ct => session.Mappings.GetAsync(Id, Context, ct));
                rule = ProvisioningInputs.Rule(this, session, new AqueraProvisioningRule { Id = byId.RuleId });
                byId.RuleName = rule.Name;
                mappings.Add(byId);
            }
            else
            {
                rule = ProvisioningInputs.Rule(this, session, Rule);
                NamedTargets.Match(
                    this,
                    TargetNames,
                    Run(ct => index.OfAsync(rule, Context, ct)),
                    m => m.Target,
                    missing => NoMapping(rule, missing),
                    mappings.Add,
                    TargetWildcards ? NameWildcards.StarAndQuestionMark : NameWildcards.None);
            }

            foreach (AqueraAttributeMapping mapping in mappings)
            {
                ForEachInput(mapping.Target, () => Process(session, index, rule, mapping));
            }
        });
    }

    /// <summary>The error for a target the rule does not map.</summary>
    internal static AqueraOperationException NoMapping(AqueraProvisioningRule rule, string target) =>
        new AqueraOperationException(ErrorIds.MappingNotFound, "The rule '" + rule.Name + "' has no mapping to '" + target + "'.") { Name = target };

    /// <summary>The ShouldProcess target text.</summary>
    internal static string Describe(AqueraAttributeMapping mapping, AqueraProvisioningRule rule) => "'" + mapping + "' of rule '" + rule.Name + "'";
}

using System;
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
                mappings.Add(MappingById(this, session, Id, out rule));
            }
            else
            {
                rule = MappingsOfRule(this, session, index, Rule, TargetNames, TargetWildcards ? NameWildcards.StarAndQuestionMark : NameWildcards.None, mappings.Add);
            }

            foreach (AqueraAttributeMapping mapping in mappings)
            {
                ForEachInput(mapping.Target, () => Process(session, index, rule, mapping));
            }
        });
    }

    /// <summary>The mapping with this id, named after its rule, which is read once per invocation.</summary>
    internal static AqueraAttributeMapping MappingById(AqueraCmdlet cmdlet, PingOneSession session, string id, out AqueraProvisioningRule rule)
    {
        AqueraAttributeMapping mapping = cmdlet.Run(ct => session.Mappings.GetAsync(id, cmdlet.Context, ct));
        rule = ProvisioningInputs.Rule(cmdlet, session, new AqueraProvisioningRule { Id = mapping.RuleId });
        mapping.RuleName = rule.Name;
        return mapping;
    }

    /// <summary>
    /// Resolves the rule given and hands on its mappings whose target matches, in the rule's order; a literal target
    /// it does not map is written as AqueraMappingNotFound. Returns the rule.
    /// </summary>
    internal static AqueraProvisioningRule MappingsOfRule(AqueraCmdlet cmdlet, PingOneSession session, MappingIndex index, AqueraProvisioningRule given, IEnumerable<string>? targets, NameWildcards wildcards, Action<AqueraAttributeMapping> onMatch)
    {
        AqueraProvisioningRule rule = ProvisioningInputs.Rule(cmdlet, session, given);
        NamedTargets.Match(cmdlet, targets, cmdlet.Run(ct => index.OfAsync(rule, cmdlet.Context, ct)), m => m.Target, missing => NoMapping(rule, missing), onMatch, wildcards);
        return rule;
    }

    /// <summary>The error for a target the rule does not map.</summary>
    private static AqueraOperationException NoMapping(AqueraProvisioningRule rule, string target) =>
        new AqueraOperationException(ErrorIds.MappingNotFound, "The rule '" + rule.Name + "' has no mapping to '" + target + "'.") { Name = target };

    /// <summary>The ShouldProcess target text.</summary>
    internal static string Describe(AqueraAttributeMapping mapping, AqueraProvisioningRule rule) => "'" + mapping + "' of rule '" + rule.Name + "'";
}

using System;
using System.Management.Automation;
using AqueraProvisioning.Completers;
using AqueraProvisioning.Core;
using AqueraProvisioning.Internal;

namespace AqueraProvisioning.Commands;

/// <summary>
/// <para type="synopsis">Gets the attribute mappings of outbound provisioning rules.</para>
/// <para type="description">Lists a rule's mappings (which Aquera attribute each fills, from which PingOne attribute or expression), optionally only some targets (wildcards), or gets mappings by id.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "AqueraAttributeMapping", DefaultParameterSetName = ByRuleSet)]
[OutputType(typeof(AqueraAttributeMapping))]
public sealed class GetAqueraAttributeMappingCommand : AqueraCmdlet
{
    private const string ByRuleSet = "ByRule";
    private const string ByIdSet = "ById";
    private MappingIndex? _index;

    /// <summary><para type="description">The rule: a rule object (piped rules bind here), its name or its id.</para></summary>
    [Parameter(ParameterSetName = ByRuleSet, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [RuleArgument]
    [ArgumentCompleter(typeof(RuleNameCompleter))]
    public AqueraProvisioningRule Rule { get; set; } = new AqueraProvisioningRule();

    /// <summary><para type="description">Only the mappings to these Aquera attributes; wildcards allowed.</para></summary>
    [Parameter(ParameterSetName = ByRuleSet, Position = 1)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(AttributeTargetCompleter))]
    public string[]? Target { get; set; }

    /// <summary><para type="description">Mapping ids. Piped mappings bind here by property name.</para></summary>
    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("MappingId")]
    public string[]? Id { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing() => RequireSession();

    /// <inheritdoc />
    internal override void ProcessInput()
    {
        PingOneSession session = RequireSession();
        if (ParameterSetName == ByIdSet)
        {
            foreach (string id in Id ?? Array.Empty<string>())
            {
                ForEachInput(id, () => WriteObject(MappingTargetCmdlet.MappingById(this, session, id, out _)));
            }

            return;
        }

        _index ??= session.Mappings.NewIndex();
        MappingIndex index = _index;
        ForEachInput(Rule.ToString(), () => MappingTargetCmdlet.MappingsOfRule(this, session, index, Rule, Target, NameWildcards.StarAndQuestionMark, WriteObject));
    }
}

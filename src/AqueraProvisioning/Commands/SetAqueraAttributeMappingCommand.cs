using System.Collections.Generic;
using System.Management.Automation;
using AqueraProvisioning.Completers;
using AqueraProvisioning.Core;
using AqueraProvisioning.Internal;

namespace AqueraProvisioning.Commands;

/// <summary>
/// <para type="synopsis">Changes an attribute mapping of an outbound provisioning rule.</para>
/// <para type="description">Reads the mapping and writes it back whole with only the asked changes: another source (-Source) or expression (-Expression; either replaces the other), another target (-NewTarget) or type. Members this module does not know are kept.</para>
/// </summary>
[Cmdlet(VerbsCommon.Set, "AqueraAttributeMapping", SupportsShouldProcess = true, DefaultParameterSetName = ByTargetSet)]
[OutputType(typeof(AqueraAttributeMapping))]
public sealed class SetAqueraAttributeMappingCommand : MappingTargetCmdlet
{
    /// <summary><para type="description">The Aquera attribute the mapping fills now (exact, not a wildcard).</para></summary>
    [Parameter(ParameterSetName = ByTargetSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(AttributeTargetCompleter))]
    public string Target { get; set; } = string.Empty;

    /// <summary><para type="description">The Aquera attribute the mapping is to fill instead.</para></summary>
    [Parameter]
    [ArgumentCompleter(typeof(AttributeTargetCompleter))]
    public string? NewTarget { get; set; }

    /// <summary><para type="description">The PingOne user attribute to copy; replaces an expression.</para></summary>
    [Parameter]
    [ArgumentCompleter(typeof(SourceAttributeCompleter))]
    public string? Source { get; set; }

    /// <summary><para type="description">The PingOne expression to evaluate; replaces a source attribute.</para></summary>
    [Parameter]
    public string? Expression { get; set; }

    /// <summary><para type="description">User or Group.</para></summary>
    [Parameter]
    [EnumText(typeof(AqueraMappingType))]
    public AqueraMappingType? Type { get; set; }

    /// <inheritdoc />
    internal override IEnumerable<string> TargetNames => new[] { Target };

    /// <inheritdoc />
    internal override bool TargetWildcards => false;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        ThrowIfNothingToChange(Changes().IsEmpty);
    }

    /// <inheritdoc />
    internal override void Process(PingOneSession session, MappingIndex index, AqueraProvisioningRule rule, AqueraAttributeMapping mapping)
    {
        PendingMappingUpdate pending = Run(ct => session.Mappings.PrepareUpdateAsync(mapping, Changes(), index, rule, Context, ct));
        ReportProgress("Changing attribute mappings", mapping.Target);
        if (!ShouldProcess(Describe(mapping, rule) + " to '" + pending.Proposed + "'", "Change attribute mapping"))
        {
            return;
        }

        AqueraAttributeMapping updated = Run(ct => session.Mappings.ApplyAsync(pending, index, Context, ct));
        if (!pending.IsNoOp)
        {
            MarkChanged();
        }

        if (PassThru.IsPresent)
        {
            WriteObject(updated);
        }
    }

    private AqueraMappingChanges Changes() => new AqueraMappingChanges { Target = NewTarget, Source = Source, Expression = Expression, Type = Type };
}

using System;
using System.Collections.Generic;
using System.Management.Automation;
using AqueraProvisioning.Completers;
using AqueraProvisioning.Core;
using AqueraProvisioning.Internal;

namespace AqueraProvisioning.Commands;

/// <summary>
/// <para type="synopsis">Deletes attribute mappings of an outbound provisioning rule.</para>
/// <para type="description">Deletes the mappings to the given targets (wildcards allowed), or mappings by id. PingOne's spec and its community disagree on the delete path (/propagation/mapping/{id} or /propagation/mappings/{id}); the cmdlet uses whichever the tenant takes.</para>
/// </summary>
[Cmdlet(VerbsCommon.Remove, "AqueraAttributeMapping", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByTargetSet)]
[OutputType(typeof(AqueraAttributeMapping))]
public sealed class RemoveAqueraAttributeMappingCommand : MappingTargetCmdlet
{
    /// <summary><para type="description">The Aquera attributes whose mappings to delete; wildcards allowed.</para></summary>
    [Parameter(ParameterSetName = ByTargetSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(AttributeTargetCompleter))]
    public string[] Target { get; set; } = Array.Empty<string>();

    /// <inheritdoc />
    internal override IEnumerable<string> TargetNames => Target;

    /// <inheritdoc />
    internal override void Process(PingOneSession session, MappingIndex index, AqueraProvisioningRule rule, AqueraAttributeMapping mapping)
    {
        ReportProgress("Removing attribute mappings", mapping.Target);
        if (!ShouldProcess(Describe(mapping, rule), "Delete attribute mapping"))
        {
            return;
        }

        Run(ct => session.Mappings.DeleteAsync(mapping, index, Context, ct));
        MarkChanged();
        if (PassThru.IsPresent)
        {
            WriteObject(mapping);
        }
    }
}

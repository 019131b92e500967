using System.Management.Automation;
using AqueraProvisioning.Core;
using AqueraProvisioning.Internal;

namespace AqueraProvisioning.Commands;

/// <summary>
/// <para type="synopsis">Deletes Aquera connections.</para>
/// <para type="description">Asks for confirmation (ConfirmImpact High) unless -Confirm:$false. PingOne refuses to delete a connection that a rule still uses.</para>
/// </summary>
[Cmdlet(VerbsCommon.Remove, "AqueraConnection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(AqueraConnection))]
public sealed class RemoveAqueraConnectionCommand : ConnectionTargetCmdlet
{
    /// <summary><para type="description">Write the connection as it was before deletion.</para></summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        PingOneSession session = RequireSession();
        ForEachInput(Target, () =>
        {
            string id = ResolveId(session);
            AqueraConnection connection = Run(ct => session.Connections.GetAsync(id, Context, ct));
            ReportProgress("Removing Aquera connections", connection.Name);
            if (!ShouldProcess(Describe(connection), "Delete Aquera connection"))
            {
                return;
            }

            Run(ct => session.Connections.DeleteAsync(id, Context, ct));
            MarkChanged();
            Slot.ForgetName(connection.Name);
            if (PassThru.IsPresent)
            {
                WriteObject(connection);
            }
        });
    }
}

using System.Management.Automation;
using AqueraProvisioning.Core;
using AqueraProvisioning.Internal;

namespace AqueraProvisioning.Commands;

/// <summary>
/// <para type="synopsis">Deletes Aquera connections.</para>
/// <para type="description">Asks for confirmation (ConfirmImpact High) unless -Confirm:$false. A connection that provisioning rules still use is refused before anything is sent, with an error that names the rules (PingOne does not delete it either; -Force is no way around it).</para>
/// </summary>
[Cmdlet(VerbsCommon.Remove, "AqueraConnection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(AqueraConnection))]
public sealed class RemoveAqueraConnectionCommand : ConnectionTargetCmdlet
{
    /// <summary><para type="description">Write the connection as it was before deletion.</para></summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    internal override void ProcessInput()
    {
        PingOneSession session = RequireSession();
        ForEachTarget(session, id =>
        {
            AqueraConnection connection = Run(ct => session.Connections.GetAsync(id, Context, ct));
            ProvisioningCatalog catalog = Catalog(session);
            Run(ct => session.Rules.RequireNotInUseAsync(catalog, connection, Context, ct));
            ReportProgress("Removing Aquera connections", connection.Name);
            if (!ShouldProcess(Describe(connection), "Delete Aquera connection"))
            {
                return;
            }

            Run(ct => session.Connections.DeleteAsync(id, Context, ct));
            MarkChanged();
            Slot.ForgetConnection(connection.Name);
            if (PassThru.IsPresent)
            {
                WriteObject(connection);
            }
        });
    }
}

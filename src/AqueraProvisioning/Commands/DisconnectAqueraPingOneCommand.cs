using System.Management.Automation;
using AqueraProvisioning.Core;
using AqueraProvisioning.Internal;

namespace AqueraProvisioning.Commands;

/// <summary>
/// <para type="synopsis">Ends this runspace's PingOne session.</para>
/// <para type="description">Forgets the worker token and credentials. Running it without a session does nothing.</para>
/// </summary>
[Cmdlet(VerbsCommunications.Disconnect, "AqueraPingOne")]
[OutputType(typeof(PingOneContextInfo))]
public sealed class DisconnectAqueraPingOneCommand : AqueraCmdlet
{
    /// <summary><para type="description">Write the context of the session that was ended.</para></summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    internal override void ProcessInput()
    {
        RunspaceSlot slot = Slot;
        PingOneSession? session = slot.Session;
        if (session is null)
        {
            WriteVerbose("There is no PingOne session in this runspace.");
            return;
        }

        PingOneContextInfo context = session.Context;
        slot.Session = null;
        slot.RememberConnections(System.Array.Empty<AqueraConnection>());
        session.Dispose();
        WriteVerbose("Disconnected from PingOne environment " + context.EnvironmentId + ".");
        if (PassThru.IsPresent)
        {
            WriteObject(context);
        }
    }
}

using System.Management.Automation;
using AqueraProvisioning.Core;
using AqueraProvisioning.Internal;

namespace AqueraProvisioning.Commands;

/// <summary>
/// <para type="synopsis">Shows what this runspace is connected to.</para>
/// <para type="description">Environment, region, URLs, client id and token expiry; never the secret or the token. Writes nothing when not connected.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "AqueraPingOneContext")]
[OutputType(typeof(PingOneContextInfo))]
public sealed class GetAqueraPingOneContextCommand : AqueraCmdlet
{
    /// <inheritdoc />
    internal override void ProcessInput()
    {
        PingOneSession? session = Slot.Session;
        if (session != null)
        {
            WriteObject(session.Context);
        }
    }
}

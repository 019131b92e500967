using System.Management.Automation;
using AqueraProvisioning.Core;
using AqueraProvisioning.Internal;

namespace AqueraProvisioning.Commands;

/// <summary>
/// <para type="synopsis">Enables or disables Aquera connections (the console's enable toggle).</para>
/// <para type="description">Sets the store status to ACTIVE or INACTIVE by reading the connection and writing it back whole. Enabling tests the connection first and is refused when the test fails, unless -Force.</para>
/// </summary>
[Cmdlet(VerbsCommon.Set, "AqueraConnectionState", SupportsShouldProcess = true, DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(AqueraConnection))]
public sealed class SetAqueraConnectionStateCommand : ConnectionUpdateCmdlet
{
    /// <summary><para type="description">Enabled (ACTIVE) or Disabled (INACTIVE).</para></summary>
    [Parameter(Mandatory = true, Position = 1)]
    public AqueraConnectionState State { get; set; }

    /// <inheritdoc />
    internal override string Action => State == AqueraConnectionState.Enabled ? "Enable" : "Disable";

    /// <inheritdoc />
    internal override AqueraConnectionChanges BuildChanges() => new AqueraConnectionChanges { State = State };
}

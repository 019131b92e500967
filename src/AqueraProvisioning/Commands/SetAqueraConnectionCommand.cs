using System.Management.Automation;
using AqueraProvisioning.Core;
using AqueraProvisioning.Internal;

namespace AqueraProvisioning.Commands;

/// <summary>
/// <para type="synopsis">Renames an Aquera connection, changes its description or SCIM URL, or rotates its credentials.</para>
/// <para type="description">Reads the connection and writes it back whole with only the named changes. A new SCIM URL or credential on an enabled connection is tested first; a failing test refuses the change unless -Force.</para>
/// </summary>
[Cmdlet(VerbsCommon.Set, "AqueraConnection", SupportsShouldProcess = true, DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(AqueraConnection))]
public sealed class SetAqueraConnectionCommand : ConnectionUpdateCmdlet
{
    private ConnectionNameIndex? _names;

    /// <summary><para type="description">The new name. It must not be in use by another connection.</para></summary>
    [Parameter]
    public string? NewName { get; set; }

    /// <summary><para type="description">The new description; an empty string clears it.</para></summary>
    [Parameter]
    public string? Description { get; set; }

    /// <summary><para type="description">The new Aquera SCIM base URL (absolute https://).</para></summary>
    [Parameter]
    public string? ScimUrl { get; set; }

    /// <summary><para type="description">Do not test the connection before saving a new URL or credential.</para></summary>
    [Parameter]
    public SwitchParameter SkipConnectionTest { get; set; }

    /// <summary><para type="description">When the connection test of a new URL or credential fails, probe the SCIM endpoint directly from this machine (as Test-AqueraScimEndpoint does) and add what it found to the error.</para></summary>
    [Parameter]
    public SwitchParameter Diagnose { get; set; }

    /// <inheritdoc />
    internal override string Action => "Change connection";

    /// <inheritdoc />
    internal override bool DiagnoseFailedTest => Diagnose.IsPresent;

    /// <inheritdoc />
    internal override bool SkipTest => SkipConnectionTest.IsPresent;

    /// <inheritdoc />
    internal override AqueraConnectionChanges BuildChanges()
    {
        var changes = new AqueraConnectionChanges
        {
            Name = NewName,
            Description = Description,
            ScimUrl = ScimUrl is null ? null : TransportRules.RequireScimUrl(ScimUrl),
        };
        if (changes.IsEmpty && BearerToken is null && Credential is null)
        {
            throw new AqueraValidationException(ErrorIds.ConflictingParameters, "Nothing to change was named.", null, AqueraInputProblem.Missing);
        }

        return changes;
    }

    /// <inheritdoc />
    internal override void CheckPending(PingOneSession session, PendingUpdate pending)
    {
        string? newName = pending.Changes.Name;
        if (newName is null || string.Equals(newName, pending.Current.Name, System.StringComparison.OrdinalIgnoreCase))
        {
            // A rename to the same name in other letter case takes no name from anybody.
            return;
        }

        _names ??= session.Connections.NewNameIndex();
        if (Run(ct => _names.ContainsAsync(newName, Context, ct)))
        {
            throw new AqueraOperationException(ErrorIds.ConnectionExists, "A connection named '" + newName + "' already exists; names must be unique.") { Name = newName };
        }
    }

    /// <inheritdoc />
    internal override void OnApplied(PendingUpdate pending, AqueraUpdateResult result)
    {
        // Later objects in the same pipeline must see this rename, or two could end up with one name.
        _names?.Remove(pending.Current.Name);
        _names?.Add(result.Connection.Name);
    }
}

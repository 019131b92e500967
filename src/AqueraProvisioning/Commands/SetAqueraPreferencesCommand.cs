using System.Management.Automation;
using AqueraProvisioning.Core;
using AqueraProvisioning.Internal;

namespace AqueraProvisioning.Commands;

/// <summary>
/// <para type="synopsis">Changes the provisioning preferences of Aquera connections.</para>
/// <para type="description">Only the preferences you name change; everything else, unknown configuration keys and stored secrets included, is written back as it was. Turn a switch off with -AllowCreate:$false.</para>
/// </summary>
[Cmdlet(VerbsCommon.Set, "AqueraPreferences", SupportsShouldProcess = true, DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(AqueraConnection))]
public sealed class SetAqueraPreferencesCommand : ConnectionUpdateCmdlet
{
    /// <summary><para type="description">Allow users to be created in Aquera.</para></summary>
    [Parameter]
    public SwitchParameter AllowCreate { get; set; }

    /// <summary><para type="description">Allow users to be updated in Aquera.</para></summary>
    [Parameter]
    public SwitchParameter AllowUpdate { get; set; }

    /// <summary><para type="description">Allow users to be disabled in Aquera.</para></summary>
    [Parameter]
    public SwitchParameter AllowDisable { get; set; }

    /// <summary><para type="description">What happens in Aquera when a user is deprovisioned: Disable or Delete.</para></summary>
    [Parameter]
    [EnumText(typeof(AqueraRemoveAction))]
    public AqueraRemoveAction RemoveAction { get; set; }

    /// <summary><para type="description">Deprovision users when a rule that uses this connection is deleted (store managed).</para></summary>
    [Parameter]
    public SwitchParameter DeprovisionOnRuleDeletion { get; set; }

    /// <summary><para type="description">Which group name PingOne sends: CommonName or DistinguishedName.</para></summary>
    [Parameter]
    [EnumText(typeof(AqueraGroupNameSource))]
    public AqueraGroupNameSource GroupNameSource { get; set; }

    /// <inheritdoc />
    internal override string Action => "Change preferences";

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        ThrowIfNothingToChange(
            !Bound(nameof(AllowCreate), nameof(AllowUpdate), nameof(AllowDisable), nameof(RemoveAction), nameof(DeprovisionOnRuleDeletion), nameof(GroupNameSource)),
            "No preference to change was named.");
    }

    /// <inheritdoc />
    internal override AqueraConnectionChanges BuildChanges() => new AqueraConnectionChanges
    {
        AllowCreate = Bound(nameof(AllowCreate)) ? AllowCreate.IsPresent : null,
        AllowUpdate = Bound(nameof(AllowUpdate)) ? AllowUpdate.IsPresent : null,
        AllowDisable = Bound(nameof(AllowDisable)) ? AllowDisable.IsPresent : null,
        RemoveAction = Bound(nameof(RemoveAction)) ? RemoveAction : null,
        DeprovisionOnRuleDeletion = Bound(nameof(DeprovisionOnRuleDeletion)) ? DeprovisionOnRuleDeletion.IsPresent : null,
        GroupNameSource = Bound(nameof(GroupNameSource)) ? GroupNameSource : null,
    };
}

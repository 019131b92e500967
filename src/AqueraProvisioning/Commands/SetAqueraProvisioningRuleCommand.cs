using System.Management.Automation;
using AqueraProvisioning.Completers;
using AqueraProvisioning.Core;
using AqueraProvisioning.Internal;

namespace AqueraProvisioning.Commands;

/// <summary>
/// <para type="synopsis">Changes outbound provisioning rules: name, description, populations, groups, filter, or the console's rule toggle.</para>
/// <para type="description">Reads each rule and writes it back whole with only the asked changes; members this module does not know are kept. Enabling a rule needs its connection enabled and passing its test, unless -Force, and makes the propagation plan active where PingOne takes that.</para>
/// </summary>
[Cmdlet(VerbsCommon.Set, "AqueraProvisioningRule", SupportsShouldProcess = true, DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(AqueraProvisioningRule))]
public sealed class SetAqueraProvisioningRuleCommand : RuleTargetCmdlet
{
    /// <summary><para type="description">A new name, unique in the environment.</para></summary>
    [Parameter]
    public string? NewName { get; set; }

    /// <summary><para type="description">A new description; an empty string removes it.</para></summary>
    [Parameter]
    [AllowEmptyString]
    public string? Description { get; set; }

    /// <summary><para type="description">Population names or ids that replace the rule's; @() removes them.</para></summary>
    [Parameter]
    [AllowEmptyCollection]
    [ArgumentCompleter(typeof(DirectoryNameCompleter))]
    public string[]? Population { get; set; }

    /// <summary><para type="description">Group names or ids that replace the rule's; @() removes them.</para></summary>
    [Parameter]
    [AllowEmptyCollection]
    [ArgumentCompleter(typeof(DirectoryNameCompleter))]
    public string[]? Group { get; set; }

    /// <summary><para type="description">A SCIM filter that replaces the rule's (ANDed with its populations); an empty string removes it.</para></summary>
    [Parameter]
    [AllowEmptyString]
    public string? Filter { get; set; }

    /// <summary><para type="description">Enabled or Disabled: the console's rule toggle.</para></summary>
    [Parameter]
    public AqueraConnectionState? State { get; set; }

    /// <summary><para type="description">Enable the rule without checking that its connection is enabled and passes its test.</para></summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary><para type="description">Write each rule as it is after the change.</para></summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        ThrowIfNothingToChange(Changes().IsEmpty);
    }

    /// <inheritdoc />
    internal override void Process(PingOneSession session, ProvisioningCatalog catalog, AqueraProvisioningRule rule)
    {
        PendingRuleUpdate pending = Run(ct => session.Rules.PrepareUpdateAsync(catalog, rule.Id, Changes(), Context, ct));
        ReportProgress("Changing provisioning rules", rule.Name);
        if (!Force.IsPresent && Run(ct => session.Rules.PredictEnableRefusalAsync(catalog, pending, Context, ct)) is AqueraOperationException refusal)
        {
            throw refusal;
        }

        string action = State == AqueraConnectionState.Enabled ? "Enable provisioning rule" : State == AqueraConnectionState.Disabled ? "Disable provisioning rule" : "Change provisioning rule";
        if (!ShouldProcess(Describe(pending.Current), action))
        {
            return;
        }

        AqueraRuleUpdateResult result = Run(ct => session.Rules.ApplyAsync(catalog, pending, Force.IsPresent, Context, ct));
        if (result.Changed)
        {
            MarkChanged();
            Slot.ForgetRule(pending.Current.Name);
            Slot.RememberRule(result.Rule);
        }

        if (PassThru.IsPresent)
        {
            WriteObject(result.Rule);
        }
    }

    private AqueraRuleChanges Changes() => new AqueraRuleChanges
    {
        NewName = NewName,
        Description = Description,
        Populations = Population,
        Groups = Group,
        Filter = Filter,
        State = State,
    };
}

using System.Management.Automation;
using AqueraProvisioning.Core;
using AqueraProvisioning.Internal;

namespace AqueraProvisioning.Commands;

/// <summary>
/// <para type="synopsis">Deletes outbound provisioning rules and their attribute mappings.</para>
/// <para type="description">Asks for confirmation (ConfirmImpact High) unless -Confirm:$false. Deletes the rule's mappings, then the rule. With -Deprovision, PingOne deprovisions the users the rule provisioned (by the connection's remove action, at the next revision) when the connection deprovisions on rule deletion; otherwise a warning says that nobody is deprovisioned.</para>
/// </summary>
[Cmdlet(VerbsCommon.Remove, "AqueraProvisioningRule", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(AqueraProvisioningRule))]
public sealed class RemoveAqueraProvisioningRuleCommand : RuleTargetCmdlet
{
    /// <summary><para type="description">Ask PingOne to deprovision the users the rule provisioned (only a connection that deprovisions on rule deletion does).</para></summary>
    [Parameter]
    public SwitchParameter Deprovision { get; set; }

    /// <summary><para type="description">Write each rule as it was before deletion.</para></summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    internal override void Process(PingOneSession session, ProvisioningCatalog catalog, AqueraProvisioningRule rule)
    {
        ReportProgress("Removing provisioning rules", rule.Name);
        if (!ShouldProcess(Describe(rule) + (Deprovision.IsPresent ? ", deprovisioning its users" : string.Empty), "Delete provisioning rule"))
        {
            return;
        }

        AqueraRuleDeleteResult result = Run(ct => session.Rules.DeleteAsync(catalog, rule, Deprovision.IsPresent, Context, ct));
        MarkChanged();
        Slot.ForgetRule(rule.Name);
        if (result.DeprovisionIgnored)
        {
            WriteWarning("The connection '" + rule.ConnectionName + "' does not deprovision users on rule deletion, so deleting '" + rule.Name + "' with -Deprovision deprovisioned nobody; their Aquera accounts stay. " + Advice.DeprovisionOnRuleDeletion);
        }

        if (PassThru.IsPresent)
        {
            WriteObject(rule);
        }
    }
}

using System.Linq;
using System.Management.Automation;
using AqueraProvisioning.Completers;
using AqueraProvisioning.Core;
using AqueraProvisioning.Internal;

namespace AqueraProvisioning.Commands;

/// <summary>
/// <para type="synopsis">Creates an outbound provisioning rule from the PingOne directory to an Aquera connection.</para>
/// <para type="description">Does what the admin console's new outbound rule does: reuses the environment's propagation plan and PingOne directory store (creating them only when missing), creates the rule disabled, adds its attribute mappings (the default set unless -NoDefaultMappings), and only then, with -State Enabled, enables it. A mapping that fails leaves the rule disabled. Enabling needs the connection enabled and passing its test, unless -Force.</para>
/// </summary>
[Cmdlet(VerbsCommon.New, "AqueraProvisioningRule", SupportsShouldProcess = true)]
[OutputType(typeof(AqueraProvisioningRule))]
public sealed class NewAqueraProvisioningRuleCommand : AqueraChangeCmdlet
{
    /// <summary><para type="description">The rule name shown in the admin console; unique in the environment.</para></summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(RuleNameCompleter))]
    public string Name { get; set; } = string.Empty;

    /// <summary><para type="description">The Aquera connection the rule sends to: a connection object (piped connections bind here), its name or its id.</para></summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [ConnectionArgument]
    [ArgumentCompleter(typeof(ConnectionNameCompleter))]
    public AqueraConnection Connection { get; set; } = new AqueraConnection();

    /// <summary><para type="description">A description.</para></summary>
    [Parameter]
    public string? Description { get; set; }

    /// <summary><para type="description">Population names or ids; a user in any of them is in scope.</para></summary>
    [Parameter]
    [ArgumentCompleter(typeof(DirectoryNameCompleter))]
    public string[]? Population { get; set; }

    /// <summary><para type="description">Group names or ids the rule provisions to Aquera, with their memberships.</para></summary>
    [Parameter]
    [ArgumentCompleter(typeof(DirectoryNameCompleter))]
    public string[]? Group { get; set; }

    /// <summary><para type="description">A SCIM filter over PingOne users (the rule's populationExpression), ANDed with -Population.</para></summary>
    [Parameter]
    public string? Filter { get; set; }

    /// <summary><para type="description">Enabled or Disabled (the default). An enabled rule is enabled only after all its mappings are made.</para></summary>
    [Parameter]
    public AqueraConnectionState State { get; set; } = AqueraConnectionState.Disabled;

    /// <summary><para type="description">Create the rule without the default attribute mappings.</para></summary>
    [Parameter]
    public SwitchParameter NoDefaultMappings { get; set; }

    /// <summary><para type="description">With -State Enabled, enable the rule without checking that its connection is enabled and passes its test.</para></summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing() => RequireSession();

    /// <inheritdoc />
    internal override void ProcessInput()
    {
        PingOneSession session = RequireSession();
        ProvisioningCatalog catalog = Catalog(session);
        ForEachInput(Name, () =>
        {
            ConnectionTargetCmdlet.RequireSessionEnvironment(Connection.EnvironmentId, session);
            var draft = new AqueraRuleDraft(Name)
            {
                Description = Description,
                ConnectionId = Connection.Id.Length > 0 ? Connection.Id : null,
                ConnectionName = Connection.Name,
                Filter = Filter,
                Enabled = State == AqueraConnectionState.Enabled,
                UseDefaultMappings = !NoDefaultMappings.IsPresent,
            };
            foreach (string population in Population ?? System.Array.Empty<string>())
            {
                draft.Populations.Add(population);
            }

            foreach (string group in Group ?? System.Array.Empty<string>())
            {
                draft.Groups.Add(group);
            }

            PendingRuleCreate pending = Run(ct => session.Rules.PrepareCreateAsync(catalog, draft, Context, ct));
            ReportProgress("Creating provisioning rules", pending.Name);
            if (!Force.IsPresent && AqueraRules.PredictEnableRefusal(pending) is AqueraOperationException refusal)
            {
                throw refusal;
            }

            if (!ShouldProcess("'" + pending.Name + "' to '" + pending.ConnectionName + "'", "Create provisioning rule" + (pending.Enabled ? " and enable it" : string.Empty)))
            {
                return;
            }

            AqueraProvisioningRule rule;
            try
            {
                rule = Run(ct => session.Rules.CreateAsync(catalog, pending, Force.IsPresent, Context, ct));
            }
            catch (AqueraOperationException ex) when (ex.ChangesSaved)
            {
                MarkChanged();
                Slot.RuleNames.Add(pending.Name);
                throw;
            }

            MarkChanged();
            Slot.RememberRule(rule);
            if (pending.AttributeMetadata is { Count: > 0 } attributes)
            {
                Slot.RememberAttributes(rule.ConnectionId, attributes.Select(a => a.Name));
            }

            WriteObject(rule);
        });
    }
}

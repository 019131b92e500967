using System.Collections.Generic;
using System.Management.Automation;
using AqueraProvisioning.Completers;
using AqueraProvisioning.Core;
using AqueraProvisioning.Internal;

namespace AqueraProvisioning.Commands;

/// <summary>
/// <para type="synopsis">Shows where a PingOne user stands for provisioning rules: why did this user (not) reach Aquera?</para>
/// <para type="description">Reads PingOne's record of the last sync of the user for each rule to an Aquera connection (or for -Rule): Success, Failed, Unsynced, Partial or Deprovisioned, when, and PingOne's details. When PingOne has no record, the status is NotSynced and the explanation says what the module can see: the rule or its connection disabled, the user in another population, the user disabled.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "AqueraUserProvisioningStatus")]
[OutputType(typeof(AqueraUserProvisioningStatus))]
public sealed class GetAqueraUserProvisioningStatusCommand : AqueraCmdlet
{
    private IReadOnlyList<AqueraProvisioningRule>? _onlyRule;

    /// <summary><para type="description">PingOne usernames or user ids. Objects with a Username (or UserId) property bind by property name.</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Username", "UserId")]
    public string[] User { get; set; } = System.Array.Empty<string>();

    /// <summary><para type="description">Only this rule: a rule object, its name or its id. Without it, every rule to an Aquera connection.</para></summary>
    [Parameter]
    [RuleArgument]
    [ArgumentCompleter(typeof(RuleNameCompleter))]
    public AqueraProvisioningRule? Rule { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing() => RequireSession();

    /// <inheritdoc />
    internal override void ProcessInput()
    {
        PingOneSession session = RequireSession();
        ProvisioningCatalog catalog = Catalog(session);
        foreach (string user in User)
        {
            ForEachInput(user, () =>
            {
                // -Rule is the same for every user: resolved on the first. Only a success is kept, so while it fails each user reports it.
                IReadOnlyList<AqueraProvisioningRule>? rules = Rule is null ? null : _onlyRule ??= new[] { ProvisioningInputs.Rule(this, session, Rule) };
                WriteObject(Run(ct => session.ProvisioningStatus.GetUserStatusAsync(catalog, user, rules, Context, ct)), enumerateCollection: true);
            });
        }
    }
}

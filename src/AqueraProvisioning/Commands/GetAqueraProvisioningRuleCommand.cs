using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using AqueraProvisioning.Completers;
using AqueraProvisioning.Core;
using AqueraProvisioning.Internal;

namespace AqueraProvisioning.Commands;

/// <summary>
/// <para type="synopsis">Gets outbound provisioning rules to Aquera connections.</para>
/// <para type="description">Lists the rules whose target is an Aquera connection, with their connection, populations, groups and filter by name; by -Name (wildcards), by -Id, or for the connections given or piped in.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "AqueraProvisioningRule", DefaultParameterSetName = ByNameSet)]
[OutputType(typeof(AqueraProvisioningRule))]
public sealed class GetAqueraProvisioningRuleCommand : AqueraCmdlet
{
    private const string ByNameSet = "ByName";
    private const string ByIdSet = "ById";
    private readonly List<string> _connectionIds = new List<string>();
    private bool _connectionGiven;

    /// <summary><para type="description">Rule names; wildcards allowed. Without it, every rule (of the given connections).</para></summary>
    [Parameter(ParameterSetName = ByNameSet, Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(RuleNameCompleter))]
    public string[]? Name { get; set; }

    /// <summary><para type="description">Rule ids. Piped rules bind here by property name.</para></summary>
    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("RuleId")]
    [ArgumentCompleter(typeof(IdCompleter))]
    public string[]? Id { get; set; }

    /// <summary><para type="description">Only the rules to this connection: a connection object (piped connections bind here), its name or its id.</para></summary>
    [Parameter(ParameterSetName = ByNameSet, ValueFromPipeline = true)]
    [ConnectionArgument]
    [ArgumentCompleter(typeof(ConnectionNameCompleter))]
    public AqueraConnection? Connection { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing() => RequireSession();

    /// <inheritdoc />
    internal override void ProcessInput()
    {
        PingOneSession session = RequireSession();
        ProvisioningCatalog catalog = Catalog(session);
        if (ParameterSetName == ByIdSet)
        {
            foreach (string id in Id ?? Array.Empty<string>())
            {
                ForEachInput(id, () => Write(Run(ct => session.Rules.GetAsync(catalog, id, Context, ct))));
            }

            return;
        }

        if (Connection != null)
        {
            // Connections may arrive one by one from the pipeline; one listing of the rules at the end serves them all.
            _connectionGiven = true;
            ForEachInput(Connection.Name.Length > 0 ? Connection.Name : Connection.Id, () => _connectionIds.Add(ProvisioningInputs.Connection(this, session, Connection).Id));
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (ParameterSetName == ByNameSet && !(_connectionGiven && _connectionIds.Count == 0))
        {
            PingOneSession session = RequireSession();
            RunOrTerminate(() => List(session));
        }

        base.EndProcessing();
    }

    private void List(PingOneSession session)
    {
        ProvisioningCatalog catalog = Catalog(session);
        var connections = new HashSet<string>(_connectionIds, StringComparer.OrdinalIgnoreCase);
        IEnumerable<AqueraProvisioningRule> candidates = Slot.RememberRules(Run(ct => session.Rules.ListAsync(catalog, null, false, Context, ct)))
            .Where(rule => connections.Count == 0 || connections.Contains(rule.ConnectionId));
        NamedTargets.Match(this, Name, candidates, r => r.Name, AqueraRules.NoRuleNamed, WriteObject);
    }

    private void Write(AqueraProvisioningRule rule)
    {
        Slot.RememberRule(rule);
        WriteObject(rule);
    }
}

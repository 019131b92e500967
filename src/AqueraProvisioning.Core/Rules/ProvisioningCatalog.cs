using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core;

/// <summary>
/// What one invocation has read of the environment's provisioning set-up: the stores (Aquera connections and the
/// directory), the rules, the plan, and the populations and groups by id and name. Each is read at most once and
/// kept up to date by the invocation's own changes, so a pipeline of fifty creates lists the environment once.
/// Not thread-safe: one invocation, one catalog.
/// </summary>
public sealed class ProvisioningCatalog
{
    /// <summary>The name a directory store gets when the environment has none.</summary>
    public const string DirectoryStoreName = "PingOne Directory";

    /// <summary>The tenant choice in effect once a directory store without <c>configuration</c> was refused: it is sent with an empty one.</summary>
    internal const string DirectoryConfigurationChoice = "create-directory-stores-with-configuration";

    private const string DirectoryType = "directory";

    private readonly PropagationStores _stores;
    private readonly PropagationRules _rules;
    private readonly PropagationPlans _plans;
    private readonly AqueraDirectory _directory;
    private readonly Dictionary<string, AqueraDirectoryEntry> _populationsById = new Dictionary<string, AqueraDirectoryEntry>(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, AqueraDirectoryEntry> _groupsById = new Dictionary<string, AqueraDirectoryEntry>(StringComparer.OrdinalIgnoreCase);
    private List<PropagationStore>? _storeList;
    private List<PropagationRule>? _ruleList;
    private IReadOnlyList<AqueraDirectoryEntry>? _populations;
    private IReadOnlyList<AqueraDirectoryEntry>? _groups;
    private PropagationPlan? _plan;
    private PropagationStore? _directoryStore;

    internal ProvisioningCatalog(PropagationStores stores, PropagationRules rules, PropagationPlans plans, AqueraDirectory directory)
    {
        _stores = stores;
        _rules = rules;
        _plans = plans;
        _directory = directory;
    }

    /// <summary>The rule endpoints of the session that made this catalog.</summary>
    internal object Owner => _rules;

    /// <summary>Every population (read once).</summary>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public async Task<IReadOnlyList<AqueraDirectoryEntry>> PopulationsAsync(OperationContext context, CancellationToken cancellationToken)
    {
        if (_populations is null)
        {
            _populations = await _directory.ListPopulationsAsync(context, cancellationToken).ConfigureAwait(false);
            Learn(_populationsById, _populations);
        }

        return _populations;
    }

    /// <summary>Every group (read once).</summary>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public async Task<IReadOnlyList<AqueraDirectoryEntry>> GroupsAsync(OperationContext context, CancellationToken cancellationToken)
    {
        if (_groups is null)
        {
            _groups = await _directory.ListGroupsAsync(context, cancellationToken).ConfigureAwait(false);
            Learn(_groupsById, _groups);
        }

        return _groups;
    }

    /// <summary>The population with this name or id; see <see cref="AqueraDirectory.ResolvePopulationAsync"/>.</summary>
    /// <param name="nameOrId">A population name or id.</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public async Task<AqueraDirectoryEntry> ResolvePopulationAsync(string nameOrId, OperationContext context, CancellationToken cancellationToken)
    {
        AqueraDirectoryEntry entry = Known(_populationsById, nameOrId)
            ?? await _directory.ResolvePopulationAsync(nameOrId, _populations, context, cancellationToken).ConfigureAwait(false);
        _populationsById[entry.Id] = entry;
        return entry;
    }

    /// <summary>The group with this name or id; see <see cref="AqueraDirectory.ResolveGroupAsync"/>.</summary>
    /// <param name="nameOrId">A group name or id.</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public async Task<AqueraDirectoryEntry> ResolveGroupAsync(string nameOrId, OperationContext context, CancellationToken cancellationToken)
    {
        AqueraDirectoryEntry entry = Known(_groupsById, nameOrId)
            ?? await _directory.ResolveGroupAsync(nameOrId, _groups, context, cancellationToken).ConfigureAwait(false);
        _groupsById[entry.Id] = entry;
        return entry;
    }

    /// <summary>The Aquera connection with this id or name (case-insensitive), from the stores read once; null when there is none.</summary>
    /// <param name="nameOrId">A connection name or id.</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public async Task<AqueraConnection?> FindConnectionAsync(string nameOrId, OperationContext context, CancellationToken cancellationToken)
    {
        string wanted = (nameOrId ?? string.Empty).Trim();
        PropagationStore? store = (await StoresAsync(context, cancellationToken).ConfigureAwait(false)).FirstOrDefault(s =>
            StoreMapper.IsAquera(s) && (string.Equals(s.Id, wanted, StringComparison.OrdinalIgnoreCase) || string.Equals(s.Name, wanted, StringComparison.OrdinalIgnoreCase)));
        return store is null ? null : StoreMapper.ToConnection(store, _rules.Api.EnvironmentId);
    }

    internal async Task<IReadOnlyList<PropagationStore>> StoresAsync(OperationContext context, CancellationToken cancellationToken) =>
        _storeList ??= (await _stores.ListAllAsync(context, cancellationToken).ConfigureAwait(false)).ToList();

    internal async Task<List<PropagationRule>> RulesAsync(OperationContext context, CancellationToken cancellationToken) =>
        _ruleList ??= (await _rules.ListAsync(context, cancellationToken).ConfigureAwait(false)).Where(r => !string.IsNullOrEmpty(r.Id)).ToList();

    internal async Task<PropagationStore?> StoreAsync(string? storeId, OperationContext context, CancellationToken cancellationToken) =>
        storeId is null ? null : (await StoresAsync(context, cancellationToken).ConfigureAwait(false)).FirstOrDefault(s => string.Equals(s.Id, storeId, StringComparison.OrdinalIgnoreCase));

    /// <summary>The environment's plan: read once, created when there is none.</summary>
    internal async Task<PropagationPlan> PlanAsync(OperationContext context, CancellationToken cancellationToken) =>
        _plan ??= await _plans.EnsureAsync(context, cancellationToken).ConfigureAwait(false);

    /// <summary>The plan, made ACTIVE where the tenant takes that.</summary>
    internal async Task<PropagationPlan> ActivePlanAsync(OperationContext context, CancellationToken cancellationToken) =>
        _plan = await _plans.EnsureActiveAsync(await PlanAsync(context, cancellationToken).ConfigureAwait(false), context, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The directory source store: one already the source of a rule to an Aquera connection, else one named
    /// "PingOne Directory", else any directory store, else a new one. Never two.
    /// </summary>
    internal async Task<PropagationStore> DirectoryStoreAsync(OperationContext context, CancellationToken cancellationToken)
    {
        if (_directoryStore != null)
        {
            return _directoryStore;
        }

        IReadOnlyList<PropagationStore> stores = await StoresAsync(context, cancellationToken).ConfigureAwait(false);
        List<PropagationRule> rules = await RulesAsync(context, cancellationToken).ConfigureAwait(false);
        var directories = stores.Where(IsDirectory).ToList();
        var aquera = new HashSet<string>(stores.Where(StoreMapper.IsAquera).Select(s => s.Id!), StringComparer.OrdinalIgnoreCase);
        PropagationStore? chosen =
            directories.FirstOrDefault(d => rules.Any(r => string.Equals(r.SourceStore?.Id, d.Id, StringComparison.OrdinalIgnoreCase) && r.TargetStore?.Id is string target && aquera.Contains(target))) ??
            directories.FirstOrDefault(d => string.Equals(d.Name, DirectoryStoreName, StringComparison.OrdinalIgnoreCase)) ??
            directories.FirstOrDefault();
        if (chosen != null)
        {
            context.Log.Verbose("Using the directory store '" + chosen.Name + "' (" + chosen.Id + ") as the rule's source.");
            return _directoryStore = chosen;
        }

        PropagationStore created = await CreateDirectoryStoreAsync(context, cancellationToken).ConfigureAwait(false);
        _storeList?.Add(created);
        context.Log.Verbose("The environment had no directory store; created '" + created.Name + "' (" + created.Id + ") as the rules' source.");
        return _directoryStore = created;
    }

    /// <summary>Records a rule this invocation created or changed.</summary>
    internal void Remember(PropagationRule rule)
    {
        if (_ruleList is null || string.IsNullOrEmpty(rule.Id))
        {
            return;
        }

        int index = _ruleList.FindIndex(r => string.Equals(r.Id, rule.Id, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            _ruleList[index] = rule;
        }
        else
        {
            _ruleList.Add(rule);
        }
    }

    /// <summary>
    /// Records a connection this invocation created, renamed, enabled or disabled, so later steps of the same
    /// invocation (a rule created for it) find it as it now is. Only the name and status are kept: a later test or
    /// change reads the store afresh.
    /// </summary>
    internal void Remember(AqueraConnection connection)
    {
        if (_storeList is null || string.IsNullOrEmpty(connection.Id))
        {
            return;
        }

        PropagationStore? known = _storeList.FirstOrDefault(s => string.Equals(s.Id, connection.Id, StringComparison.OrdinalIgnoreCase));
        if (known is null)
        {
            known = new PropagationStore { Id = connection.Id, Type = AqueraKeys.StoreType };
            _storeList.Add(known);
        }

        known.Name = connection.Name;
        known.Status = connection.Enabled ? AqueraKeys.StatusActive : AqueraKeys.StatusInactive;
    }

    /// <summary>Records a connection this invocation deleted.</summary>
    internal void ForgetStore(string storeId) => _storeList?.RemoveAll(s => string.Equals(s.Id, storeId, StringComparison.OrdinalIgnoreCase));

    /// <summary>Records a rule this invocation deleted.</summary>
    internal void Forget(string ruleId) => _ruleList?.RemoveAll(r => string.Equals(r.Id, ruleId, StringComparison.OrdinalIgnoreCase));

    /// <summary>The public view of a wire rule, with the names of its connection, populations and groups.</summary>
    internal async Task<AqueraProvisioningRule> DescribeAsync(PropagationRule rule, OperationContext context, CancellationToken cancellationToken)
    {
        PopulationExpressionParts parts = PopulationExpression.Split(rule.PopulationExpression);
        var populationIds = parts.PopulationIds.Concat((rule.Populations ?? new List<ResourceReference>()).Select(p => p.Id ?? string.Empty))
            .Where(id => id.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var groupIds = (rule.Groups ?? new List<ResourceReference>()).Select(g => g.Id ?? string.Empty).Where(id => id.Length > 0).ToList();
        if (populationIds.Any(id => !_populationsById.ContainsKey(id)))
        {
            await PopulationsAsync(context, cancellationToken).ConfigureAwait(false);
        }

        if (groupIds.Any(id => !_groupsById.ContainsKey(id)))
        {
            await GroupsAsync(context, cancellationToken).ConfigureAwait(false);
        }

        PropagationStore? target = await StoreAsync(rule.TargetStore?.Id, context, cancellationToken).ConfigureAwait(false);
        return new AqueraProvisioningRule
        {
            Id = rule.Id ?? string.Empty,
            EnvironmentId = rule.Environment?.Id ?? _rules.Api.EnvironmentId,
            Name = rule.Name ?? string.Empty,
            Description = rule.Description,
            ConnectionId = rule.TargetStore?.Id ?? string.Empty,
            ConnectionName = target?.Name,
            Enabled = rule.IsActive,
            Populations = populationIds.Select(id => _populationsById.TryGetValue(id, out AqueraDirectoryEntry? e) ? e : new AqueraDirectoryEntry(id, null)).ToList(),
            Groups = groupIds.Select(id => _groupsById.TryGetValue(id, out AqueraDirectoryEntry? e) ? e : new AqueraDirectoryEntry(id, null)).ToList(),
            Filter = parts.Filter,
            PopulationExpression = rule.PopulationExpression,
            PlanId = rule.Plan?.Id,
            SourceStoreId = rule.SourceStore?.Id,
            CreatedAt = rule.CreatedAt,
            UpdatedAt = rule.UpdatedAt,
        };
    }

    private static bool IsDirectory(PropagationStore store) => string.Equals(store.Type, DirectoryType, StringComparison.Ordinal) && !string.IsNullOrEmpty(store.Id);

    private static void Learn(Dictionary<string, AqueraDirectoryEntry> byId, IEnumerable<AqueraDirectoryEntry> entries)
    {
        foreach (AqueraDirectoryEntry entry in entries)
        {
            byId[entry.Id] = entry;
        }
    }

    private static AqueraDirectoryEntry? Known(Dictionary<string, AqueraDirectoryEntry> byId, string nameOrId)
    {
        string wanted = (nameOrId ?? string.Empty).Trim();
        return byId.TryGetValue(wanted, out AqueraDirectoryEntry? byIdMatch)
            ? byIdMatch
            : byId.Values.FirstOrDefault(e => string.Equals(e.Name, wanted, StringComparison.OrdinalIgnoreCase));
    }

    private async Task<PropagationStore> CreateDirectoryStoreAsync(OperationContext context, CancellationToken cancellationToken)
    {
        PropagationStore Build() => new PropagationStore
        {
            Type = DirectoryType,
            Name = DirectoryStoreName,
            Configuration = _stores.Api.Choices.Has(DirectoryConfigurationChoice) ? new Dictionary<string, System.Text.Json.JsonElement>() : null,
        };

        Task<PropagationStore> SendAsync() => UnknownOutcome.SendAsync(
            "the create of the directory store",
            async () => await _stores.CreateAsync(Build, context, cancellationToken).ConfigureAwait(false) ?? Build(),
            async _ =>
            {
                PropagationStore? found = (await _stores.ListAllAsync(context, cancellationToken).ConfigureAwait(false))
                    .FirstOrDefault(s => IsDirectory(s) && string.Equals(s.Name, DirectoryStoreName, StringComparison.OrdinalIgnoreCase));
                return (found != null, found!);
            },
            ex => ex,
            _stores.Api.Retry,
            context,
            cancellationToken);

        try
        {
            return await SendAsync().ConfigureAwait(false);
        }
        catch (PingOneApiException ex) when (!_stores.Api.Choices.Has(DirectoryConfigurationChoice) && ex.StatusCode == 400 && ex.Details.Any(d => d.Target == "configuration" && d.Code == "REQUIRED_VALUE"))
        {
            _stores.Api.Choices.Adopt(
                DirectoryConfigurationChoice,
                context,
                "PingOne refused a directory store without a configuration (" + ex.ApiMessage + "). Directory stores are created with an empty configuration from now on in this session.");
            return await SendAsync().ConfigureAwait(false);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core;

/// <summary>
/// The outbound provisioning rules of one session: rules from the PingOne directory to Aquera connections. Create
/// follows the console's order (the environment's one plan and directory store reused, the rule made disabled,
/// then every mapping, then enabled only when asked and only when its connection is enabled and passes its test);
/// update is a read-modify-write of the whole rule keeping unknown members; delete removes the mappings first.
/// </summary>
public sealed class AqueraRules
{
    private readonly PropagationStores _stores;
    private readonly PropagationRules _rules;
    private readonly PropagationPlans _plans;
    private readonly AqueraConnections _connections;
    private readonly AqueraDirectory _directory;
    private readonly AqueraAttributeMappings _mappings;
    private readonly AqueraStoreMetadata _metadata;

    internal AqueraRules(PropagationStores stores, AqueraConnections connections, AqueraDirectory directory, AqueraAttributeMappings mappings, AqueraStoreMetadata metadata)
    {
        _stores = stores;
        _rules = new PropagationRules(stores.Api);
        _plans = new PropagationPlans(stores.Api);
        _connections = connections;
        _directory = directory;
        _mappings = mappings;
        _metadata = metadata;
    }

    /// <summary>A fresh catalog for one invocation.</summary>
    public ProvisioningCatalog NewCatalog() => new ProvisioningCatalog(_stores, _rules, _plans, _directory);

    /// <summary>The catalog, when this session made it: a catalog of another session would mix two environments.</summary>
    private ProvisioningCatalog Own(ProvisioningCatalog? catalog) =>
        catalog is null ? throw new ArgumentNullException(nameof(catalog))
        : catalog.Owner == _rules ? catalog
        : throw new ArgumentException("The catalog belongs to another session.", nameof(catalog));

    /// <summary>The rules whose target is an Aquera connection (or this one), with names resolved and, when asked, their mappings.</summary>
    /// <param name="catalog">This invocation's catalog.</param>
    /// <param name="connectionId">Only the rules to this connection; null for every Aquera connection.</param>
    /// <param name="includeMappings">Read each rule's mappings too (one request per rule).</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public async Task<IReadOnlyList<AqueraProvisioningRule>> ListAsync(ProvisioningCatalog catalog, string? connectionId, bool includeMappings, OperationContext context, CancellationToken cancellationToken)
    {
        catalog = Own(catalog);
        var result = new List<AqueraProvisioningRule>();
        foreach (PropagationRule rule in await AqueraWireRulesAsync(catalog, connectionId, context, cancellationToken).ConfigureAwait(false))
        {
            result.Add(await DescribeAsync(catalog, rule, includeMappings, context, cancellationToken).ConfigureAwait(false));
        }

        return result;
    }

    /// <summary>One rule by id; a rule whose target is not an Aquera connection is refused (AqueraNotAnAqueraRule).</summary>
    /// <param name="catalog">This invocation's catalog.</param>
    /// <param name="id">The rule id.</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public async Task<AqueraProvisioningRule> GetAsync(ProvisioningCatalog catalog, string id, OperationContext context, CancellationToken cancellationToken)
    {
        catalog = Own(catalog);
        string ruleId = AqueraInput.RequireId(id, "Id");
        PropagationRule rule = await _rules.GetAsync(ruleId, context, cancellationToken).ConfigureAwait(false);
        await RequireAqueraTargetAsync(catalog, rule, context, cancellationToken).ConfigureAwait(false);
        return await catalog.DescribeAsync(rule, context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The rule to an Aquera connection with this name (case-insensitive), or null.</summary>
    /// <param name="catalog">This invocation's catalog.</param>
    /// <param name="name">The rule name.</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public async Task<AqueraProvisioningRule?> FindByNameAsync(ProvisioningCatalog catalog, string name, OperationContext context, CancellationToken cancellationToken)
    {
        string wanted = AqueraInput.RequireName(name, "rule name");
        catalog = Own(catalog);

        // Only the match is described: describing resolves population and group names, which may read them all.
        PropagationRule? rule = (await AqueraWireRulesAsync(catalog, null, context, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(r => string.Equals(r.Name ?? string.Empty, wanted, StringComparison.OrdinalIgnoreCase));
        return rule is null ? null : await DescribeAsync(catalog, rule, false, context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The rules as PingOne has them whose target is an Aquera connection (or this one), in PingOne's order.</summary>
    private static async Task<IEnumerable<PropagationRule>> AqueraWireRulesAsync(ProvisioningCatalog catalog, string? connectionId, OperationContext context, CancellationToken cancellationToken)
    {
        IReadOnlyList<PropagationStore> stores = await catalog.StoresAsync(context, cancellationToken).ConfigureAwait(false);
        var aquera = new HashSet<string>(stores.Where(StoreMapper.IsAquera).Select(s => s.Id ?? string.Empty), StringComparer.OrdinalIgnoreCase);
        IReadOnlyList<PropagationRule> rules = await catalog.RulesAsync(context, cancellationToken).ConfigureAwait(false);
        return rules.Where(rule =>
        {
            string target = rule.TargetStore?.Id ?? string.Empty;
            return aquera.Contains(target) && (connectionId is null || string.Equals(target, connectionId, StringComparison.OrdinalIgnoreCase));
        });
    }

    /// <summary>The error for a rule name that no rule to an Aquera connection has.</summary>
    /// <param name="name">The name.</param>
    public static AqueraOperationException NoRuleNamed(string name) =>
        new AqueraOperationException(ErrorIds.RuleNotFound, "There is no provisioning rule to an Aquera connection named '" + name + "'.") { Name = name };

    /// <summary>
    /// Checks a draft and resolves what it names — the connection, populations and groups — and that its name is
    /// free, sending only reads. Bad input fails before any request; an unknown population or group fails with the
    /// close names, and nothing is created.
    /// </summary>
    /// <param name="catalog">This invocation's catalog.</param>
    /// <param name="draft">The rule.</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public async Task<PendingRuleCreate> PrepareCreateAsync(ProvisioningCatalog catalog, AqueraRuleDraft draft, OperationContext context, CancellationToken cancellationToken)
    {
        catalog = Own(catalog);
        if (draft is null)
        {
            throw new ArgumentNullException(nameof(draft));
        }

        string name = AqueraInput.RequireName(draft.Name, "rule name");
        string? description = AqueraInput.CheckDescription(string.IsNullOrEmpty(draft.Description) ? null : draft.Description);
        string? filter = string.IsNullOrWhiteSpace(draft.Filter) ? null : draft.Filter!.Trim();
        if (draft.Populations.All(string.IsNullOrWhiteSpace) && draft.Groups.All(string.IsNullOrWhiteSpace) && filter is null)
        {
            throw ScopeRequired(name);
        }

        List<AqueraMappingDraft> mappings = draft.Mappings.Select(m => m.Validated()).ToList();
        string? twice = mappings.GroupBy(m => m.Target, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (twice != null)
        {
            throw new AqueraValidationException(ErrorIds.InvalidMapping, "The mappings of '" + name + "' name the target '" + twice + "' more than once; a target is mapped once per rule.", "Target", AqueraInputProblem.Conflicting);
        }

        PropagationStore connection = await FindConnectionAsync(catalog, draft.ConnectionId, draft.ConnectionName, context, cancellationToken).ConfigureAwait(false);
        var populations = new List<AqueraDirectoryEntry>();
        foreach (string population in draft.Populations.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            populations.Add(await catalog.ResolvePopulationAsync(population, context, cancellationToken).ConfigureAwait(false));
        }

        var groups = new List<AqueraDirectoryEntry>();
        foreach (string group in draft.Groups.Where(g => !string.IsNullOrWhiteSpace(g)))
        {
            groups.Add(await catalog.ResolveGroupAsync(group, context, cancellationToken).ConfigureAwait(false));
        }

        await RequireFreeNameAsync(catalog, name, null, context, cancellationToken).ConfigureAwait(false);
        return new PendingRuleCreate(draft, name, description, connection, Distinct(populations), Distinct(groups), filter, mappings);
    }

    /// <summary>
    /// Creates a prepared rule in the console's order: the plan and the directory store (reused, created only when
    /// missing), the rule disabled, each mapping, and only then, when asked, the rule enabled. A mapping that fails
    /// leaves the rule disabled (AqueraRuleIncomplete names the mapping). Enabling needs the connection enabled and
    /// its test passing (AqueraRuleEnableRefused, checked before anything is created) unless <paramref name="force"/>.
    /// </summary>
    /// <param name="catalog">This invocation's catalog.</param>
    /// <param name="pending">The prepared rule.</param>
    /// <param name="force">Enable without checking the connection.</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public Task<AqueraProvisioningRule> CreateAsync(ProvisioningCatalog catalog, PendingRuleCreate pending, bool force, OperationContext context, CancellationToken cancellationToken) =>
        CreateAsync(catalog, pending, force, null, context, cancellationToken);

    /// <summary>As the public create, telling <paramref name="mappingMade"/> the index of each mapping once it is made, so a caller knows how far a failed create got.</summary>
    internal async Task<AqueraProvisioningRule> CreateAsync(ProvisioningCatalog catalog, PendingRuleCreate pending, bool force, Action<int>? mappingMade, OperationContext context, CancellationToken cancellationToken)
    {
        catalog = Own(catalog);
        if (pending is null)
        {
            throw new ArgumentNullException(nameof(pending));
        }

        if (pending.Enabled && !force)
        {
            await RequireUsableConnectionAsync(pending.Connection, pending.Name, context, cancellationToken).ConfigureAwait(false);
        }

        IReadOnlyList<AqueraMappingDraft> mappings = await MappingsForAsync(pending, context, cancellationToken).ConfigureAwait(false);
        PropagationPlan plan = await catalog.PlanAsync(context, cancellationToken).ConfigureAwait(false);
        PropagationStore source = await catalog.DirectoryStoreAsync(context, cancellationToken).ConfigureAwait(false);
        var body = new PropagationRule
        {
            Plan = new ResourceReference { Id = plan.Id },
            SourceStore = new ResourceReference { Id = source.Id },
            TargetStore = new ResourceReference { Id = pending.ConnectionId },
            Name = pending.Name,
            Description = pending.Description,
            Active = false,
            PopulationExpression = PopulationExpression.Build(pending.Populations.Select(p => p.Id), pending.Filter),
            Groups = pending.Groups.Count == 0 ? null : pending.Groups.Select(g => new ResourceReference { Id = g.Id }).ToList(),
        };
        PropagationRule created = await _rules.CreateAsync(body, context, cancellationToken).ConfigureAwait(false);
        catalog.Remember(created);
        context.Log.Verbose("Created the rule '" + created.Name + "' (" + created.Id + ") disabled; adding its " + mappings.Count + " mapping(s).");

        var made = new List<PropagationMapping>();
        foreach (AqueraMappingDraft mapping in mappings)
        {
            try
            {
                made.Add(await _mappings.CreateWireAsync(created.Id!, mapping, context, cancellationToken).ConfigureAwait(false));
                mappingMade?.Invoke(made.Count - 1);
            }
            catch (AqueraException ex)
            {
                throw new AqueraOperationException(
                    ErrorIds.RuleIncomplete,
                    "The rule '" + pending.Name + "' was created disabled, but its mapping '" + mapping + "' failed: " + ex.Message + " " + made.Count + " of " + mappings.Count + " mapping(s) were made, and the rule was left disabled.",
                    ex)
                { Name = pending.Name, ChangesSaved = true };
            }
        }

        if (pending.Enabled)
        {
            try
            {
                created = await EnableAsync(catalog, created, context, cancellationToken).ConfigureAwait(false);
            }
            catch (AqueraOperationException ex) when (ex.ErrorId == ErrorIds.RuleEnableRefused)
            {
                throw new AqueraOperationException(ErrorIds.RuleEnableRefused, ex.Message + " The rule was created with its mappings and left disabled.", ex.InnerException) { Name = ex.Name, ChangesSaved = true };
            }
        }

        AqueraProvisioningRule result = await catalog.DescribeAsync(created, context, cancellationToken).ConfigureAwait(false);
        result.Mappings = made.Select(m => AqueraAttributeMappings.ToMapping(m, result)).ToList();
        result.MappingCount = made.Count;
        return result;
    }

    /// <summary>
    /// Reads the rule and works out the change without sending it. Populations and groups are resolved (an unknown
    /// one fails with the close names); a new name must be free; a rule left with neither populations, groups nor a
    /// filter is refused.
    /// </summary>
    /// <param name="catalog">This invocation's catalog.</param>
    /// <param name="id">The rule id.</param>
    /// <param name="changes">What to change.</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public async Task<PendingRuleUpdate> PrepareUpdateAsync(ProvisioningCatalog catalog, string id, AqueraRuleChanges changes, OperationContext context, CancellationToken cancellationToken)
    {
        catalog = Own(catalog);
        if (changes is null)
        {
            throw new ArgumentNullException(nameof(changes));
        }

        string ruleId = AqueraInput.RequireId(id, "Id");
        string? newName = changes.NewName is null ? null : AqueraInput.RequireName(changes.NewName, "rule name");
        string? description = changes.Description is null ? null : AqueraInput.CheckDescription(changes.Description);
        PropagationRule saved = await _rules.GetAsync(ruleId, context, cancellationToken).ConfigureAwait(false);
        await RequireAqueraTargetAsync(catalog, saved, context, cancellationToken).ConfigureAwait(false);
        AqueraProvisioningRule current = await catalog.DescribeAsync(saved, context, cancellationToken).ConfigureAwait(false);
        PropagationRule replacement = saved.ToReplacement();

        if (newName != null)
        {
            if (!string.Equals(newName, saved.Name, StringComparison.OrdinalIgnoreCase))
            {
                await RequireFreeNameAsync(catalog, newName, ruleId, context, cancellationToken).ConfigureAwait(false);
            }

            replacement.Name = newName;
        }

        if (description != null)
        {
            replacement.Description = description.Length == 0 ? null : description;
        }

        if (changes.Populations != null || changes.Filter != null)
        {
            PopulationExpressionParts parts = PopulationExpression.Split(saved.PopulationExpression);
            IEnumerable<string> populationIds = parts.PopulationIds;
            if (changes.Populations != null)
            {
                var resolved = new List<string>();
                foreach (string population in changes.Populations.Where(p => !string.IsNullOrWhiteSpace(p)))
                {
                    resolved.Add((await catalog.ResolvePopulationAsync(population, context, cancellationToken).ConfigureAwait(false)).Id);
                }

                populationIds = resolved;

                // The populations now live in the expression; the deprecated list would AND a second scope onto it.
                replacement.Populations = null;
            }

            replacement.PopulationExpression = PopulationExpression.Build(populationIds, changes.Filter ?? parts.Filter);
        }

        if (changes.Groups != null)
        {
            var groups = new List<ResourceReference>();
            foreach (string group in changes.Groups.Where(g => !string.IsNullOrWhiteSpace(g)))
            {
                string groupId = (await catalog.ResolveGroupAsync(group, context, cancellationToken).ConfigureAwait(false)).Id;
                if (!groups.Any(g => string.Equals(g.Id, groupId, StringComparison.OrdinalIgnoreCase)))
                {
                    groups.Add(new ResourceReference { Id = groupId });
                }
            }

            replacement.Groups = groups.Count == 0 ? null : groups;
        }

        if ((changes.Populations != null || changes.Filter != null || changes.Groups != null) &&
            string.IsNullOrWhiteSpace(replacement.PopulationExpression) && (replacement.Groups?.Count ?? 0) == 0 && (replacement.Populations?.Count ?? 0) == 0)
        {
            throw ScopeRequired(replacement.Name ?? ruleId);
        }

        if (changes.State is AqueraConnectionState state)
        {
            replacement.Active = state == AqueraConnectionState.Enabled;
        }

        bool unchanged = WireEquality.Same(replacement, saved.ToReplacement(), CoreJson.Default.PropagationRule);
        return new PendingRuleUpdate(current, saved, replacement, unchanged);
    }

    /// <summary>
    /// Sends a prepared change: nothing when there is nothing to change. Turning the rule on needs its connection
    /// enabled and passing its test (unless <paramref name="force"/>) and makes the plan ACTIVE where the tenant takes it.
    /// </summary>
    /// <param name="catalog">This invocation's catalog.</param>
    /// <param name="pending">The prepared change.</param>
    /// <param name="force">Enable without checking the connection.</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public async Task<AqueraRuleUpdateResult> ApplyAsync(ProvisioningCatalog catalog, PendingRuleUpdate pending, bool force, OperationContext context, CancellationToken cancellationToken)
    {
        catalog = Own(catalog);
        if (pending is null)
        {
            throw new ArgumentNullException(nameof(pending));
        }

        if (pending.IsNoOp)
        {
            context.Log.Verbose("The rule '" + pending.Current.Name + "' already is as asked; nothing to send.");
            return new AqueraRuleUpdateResult(pending.Current, changed: false);
        }

        if (pending.Enables)
        {
            if (!force)
            {
                PropagationStore connection = await catalog.StoreAsync(pending.Saved.TargetStore?.Id, context, cancellationToken).ConfigureAwait(false)
                    ?? throw NotAqueraRule(pending.Saved);
                await RequireUsableConnectionAsync(connection, pending.Replacement.Name ?? pending.Current.Name, context, cancellationToken).ConfigureAwait(false);
            }

            await catalog.ActivePlanAsync(context, cancellationToken).ConfigureAwait(false);
        }

        PropagationRule updated = await ReplaceAsync(pending.Current.Id, pending.Replacement, context, cancellationToken).ConfigureAwait(false);
        catalog.Remember(updated);
        return new AqueraRuleUpdateResult(await catalog.DescribeAsync(updated, context, cancellationToken).ConfigureAwait(false), changed: true);
    }

    /// <summary>
    /// Deletes a rule: its mappings first (on whichever path the tenant takes), then the rule, with
    /// <c>?deprovision=true</c> when asked. An unknown outcome is resolved by looking before anything is sent again.
    /// </summary>
    /// <param name="catalog">This invocation's catalog.</param>
    /// <param name="rule">The rule.</param>
    /// <param name="deprovision">Ask PingOne to deprovision the rule's users (only a managed connection does).</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public async Task<AqueraRuleDeleteResult> DeleteAsync(ProvisioningCatalog catalog, AqueraProvisioningRule rule, bool deprovision, OperationContext context, CancellationToken cancellationToken)
    {
        catalog = Own(catalog);
        if (rule is null)
        {
            throw new ArgumentNullException(nameof(rule));
        }

        string ruleId = AqueraInput.RequireId(rule.Id, "Id");
        bool ignored = false;
        if (deprovision)
        {
            PropagationStore? connection = await catalog.StoreAsync(rule.ConnectionId, context, cancellationToken).ConfigureAwait(false);
            PropagationRule? wire = (await catalog.RulesAsync(context, cancellationToken).ConfigureAwait(false)).FirstOrDefault(r => string.Equals(r.Id, ruleId, StringComparison.OrdinalIgnoreCase));
            ignored = connection?.Managed != true && wire?.Deprovision != true;
        }

        IReadOnlyList<PropagationMapping> mappings = await _mappings.ListWireAsync(ruleId, context, cancellationToken).ConfigureAwait(false);
        foreach (PropagationMapping mapping in mappings.Where(m => !string.IsNullOrEmpty(m.Id)))
        {
            await _mappings.DeleteWireAsync(mapping.Id!, context, cancellationToken).ConfigureAwait(false);
        }

        await _rules.DeleteAsync(ruleId, deprovision, context, cancellationToken).ConfigureAwait(false);
        catalog.Forget(ruleId);
        return new AqueraRuleDeleteResult(mappings.Count, ignored);
    }

    /// <summary>
    /// Refuses (AqueraConnectionInUse, naming the rules) when any rule uses the connection: PingOne does not delete a
    /// store that a rule uses, and the refusal should come before a delete is sent.
    /// </summary>
    /// <param name="catalog">This invocation's catalog.</param>
    /// <param name="connection">The connection.</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public async Task RequireNotInUseAsync(ProvisioningCatalog catalog, AqueraConnection connection, OperationContext context, CancellationToken cancellationToken)
    {
        catalog = Own(catalog);
        if (connection is null)
        {
            throw new ArgumentNullException(nameof(connection));
        }

        List<string> users = (await catalog.RulesAsync(context, cancellationToken).ConfigureAwait(false))
            .Where(r => r.Uses(connection.Id)).Select(r => "'" + r.Name + "'").ToList();
        if (users.Count > 0)
        {
            throw InUse(connection.Name, users);
        }
    }

    /// <summary>The refusal for a connection that rules use, naming them.</summary>
    internal static AqueraOperationException InUse(string connection, IReadOnlyList<string> quotedRules) =>
        new AqueraOperationException(
            ErrorIds.ConnectionInUse,
            "The connection '" + connection + "' is used by the rule" + (quotedRules.Count == 1 ? " " : "s ") + string.Join(", ", quotedRules) + "; PingOne does not delete a connection that a rule uses.")
        { Name = connection };

    private static AqueraValidationException ScopeRequired(string name) =>
        new AqueraValidationException(
            ErrorIds.RuleScopeRequired,
            "The rule '" + name + "' names no population, group or filter: the admin console does not save an outbound rule without a population or a group, and a rule with an empty scope provisions nobody.",
            "Population",
            AqueraInputProblem.Missing);

    private static List<AqueraDirectoryEntry> Distinct(List<AqueraDirectoryEntry> entries) =>
        entries.GroupBy(e => e.Id, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToList();

    private static AqueraOperationException NotAqueraRule(PropagationRule rule) =>
        new AqueraOperationException(ErrorIds.NotAnAqueraRule, "The propagation rule '" + rule.Name + "' (" + rule.Id + ") does not send to an Aquera connection.") { Name = rule.Name };

    private async Task<AqueraProvisioningRule> DescribeAsync(ProvisioningCatalog catalog, PropagationRule rule, bool includeMappings, OperationContext context, CancellationToken cancellationToken)
    {
        AqueraProvisioningRule described = await catalog.DescribeAsync(rule, context, cancellationToken).ConfigureAwait(false);
        if (includeMappings)
        {
            described.Mappings = await _mappings.ListAsync(described, context, cancellationToken).ConfigureAwait(false);
            described.MappingCount = described.Mappings.Count;
        }

        return described;
    }

    private static async Task RequireAqueraTargetAsync(ProvisioningCatalog catalog, PropagationRule rule, OperationContext context, CancellationToken cancellationToken)
    {
        PropagationStore? target = await catalog.StoreAsync(rule.TargetStore?.Id, context, cancellationToken).ConfigureAwait(false);
        if (target is null || !StoreMapper.IsAquera(target))
        {
            throw NotAqueraRule(rule);
        }
    }

    private static async Task<PropagationStore> FindConnectionAsync(ProvisioningCatalog catalog, string? connectionId, string? connectionName, OperationContext context, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(connectionId))
        {
            string id = AqueraInput.RequireId(connectionId, "Connection");
            PropagationStore store = await catalog.StoreAsync(id, context, cancellationToken).ConfigureAwait(false)
                ?? throw new AqueraOperationException(ErrorIds.ConnectionNotFound, "There is no Aquera connection with the id " + id + ".") { Name = id };
            return StoreMapper.IsAquera(store) ? store : throw AqueraConnections.NotAnAquera(id, store);
        }

        string name = AqueraInput.RequireName(connectionName);
        IReadOnlyList<PropagationStore> stores = await catalog.StoresAsync(context, cancellationToken).ConfigureAwait(false);
        return stores.FirstOrDefault(s => StoreMapper.IsAquera(s) && string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw AqueraConnections.NoConnectionNamed(name);
    }

    private static async Task RequireFreeNameAsync(ProvisioningCatalog catalog, string name, string? exceptId, OperationContext context, CancellationToken cancellationToken)
    {
        PropagationRule? taken = (await catalog.RulesAsync(context, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase) && !string.Equals(r.Id, exceptId, StringComparison.OrdinalIgnoreCase));
        if (taken != null)
        {
            throw new AqueraOperationException(ErrorIds.RuleExists, "A provisioning rule named '" + taken.Name + "' already exists; rule names must be unique.") { Name = name };
        }
    }

    /// <summary>
    /// What reads alone show of enabling a prepared rule: the refusal it would meet (its connection is disabled), or
    /// null when nothing read refuses it. The connection test, which the change itself runs, is not run here.
    /// </summary>
    /// <param name="pending">The prepared rule.</param>
    public static AqueraOperationException? PredictEnableRefusal(PendingRuleCreate pending) =>
        pending is null ? throw new ArgumentNullException(nameof(pending))
        : pending.Enabled ? DisabledConnection(pending.Connection, pending.Name)
        : null;

    /// <summary>The same for a prepared change of a saved rule: only one that enables it can be refused so.</summary>
    /// <param name="catalog">This invocation's catalog.</param>
    /// <param name="pending">The prepared change.</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public async Task<AqueraOperationException?> PredictEnableRefusalAsync(ProvisioningCatalog catalog, PendingRuleUpdate pending, OperationContext context, CancellationToken cancellationToken)
    {
        catalog = Own(catalog);
        if (pending is null)
        {
            throw new ArgumentNullException(nameof(pending));
        }

        if (pending.IsNoOp || !pending.Enables)
        {
            return null;
        }

        PropagationStore connection = await catalog.StoreAsync(pending.Saved.TargetStore?.Id, context, cancellationToken).ConfigureAwait(false)
            ?? throw NotAqueraRule(pending.Saved);
        return DisabledConnection(connection, pending.Replacement.Name ?? pending.Current.Name);
    }

    private static AqueraOperationException? DisabledConnection(PropagationStore connection, string rule)
    {
        string name = connection.Name ?? connection.Id ?? string.Empty;
        return string.Equals(connection.Status, AqueraKeys.StatusActive, StringComparison.OrdinalIgnoreCase)
            ? null
            : new AqueraOperationException(ErrorIds.RuleEnableRefused, "The rule '" + rule + "' cannot be enabled: its connection '" + name + "' is disabled.") { Name = name };
    }

    /// <summary>The connection must be enabled and pass its test; the test needs the stored secret.</summary>
    private async Task RequireUsableConnectionAsync(PropagationStore connection, string rule, OperationContext context, CancellationToken cancellationToken)
    {
        string name = connection.Name ?? connection.Id ?? string.Empty;
        AqueraOperationException? disabled = DisabledConnection(connection, rule);
        if (disabled != null)
        {
            throw disabled;
        }

        AqueraConnectionTestResult test;
        try
        {
            test = await _connections.TestSavedAsync(connection.Id!, null, context, cancellationToken).ConfigureAwait(false);
        }
        catch (AqueraOperationException ex) when (ex.ErrorId == ErrorIds.SecretRequired)
        {
            throw new AqueraOperationException(ErrorIds.SecretRequired, "The rule '" + rule + "' is enabled only after a test of its connection '" + name + "', and PingOne does not return that connection's stored secret, which the test needs.", ex) { Name = name };
        }

        if (!test.Success)
        {
            throw new AqueraOperationException(ErrorIds.RuleEnableRefused, "The rule '" + rule + "' cannot be enabled: the connection test of its connection '" + name + "' fails: " + test.Message) { Name = name, TestResult = test };
        }
    }

    private async Task<IReadOnlyList<AqueraMappingDraft>> MappingsForAsync(PendingRuleCreate pending, OperationContext context, CancellationToken cancellationToken)
    {
        if (!pending.Draft.UseDefaultMappings)
        {
            return pending.Mappings;
        }

        IEnumerable<AqueraMappingDraft> defaults = DefaultMappings.Set.Where(d => !pending.Mappings.Any(m => string.Equals(m.Target, d.Target, StringComparison.OrdinalIgnoreCase)));
        try
        {
            IReadOnlyList<AqueraAttributeMetadata> attributes = await _metadata.GetAsync(pending.Connection, context, cancellationToken).ConfigureAwait(false);
            pending.AttributeMetadata = attributes;
            if (attributes.Count > 0)
            {
                var listed = new HashSet<string>(attributes.Select(a => a.Name), StringComparer.OrdinalIgnoreCase);
                foreach (AqueraMappingDraft dropped in defaults.Where(d => !listed.Contains(d.Target)))
                {
                    context.Log.Verbose("The default mapping '" + dropped + "' is left out: the metadata of '" + pending.ConnectionName + "' does not list '" + dropped.Target + "'.");
                }

                defaults = defaults.Where(d => listed.Contains(d.Target)).ToList();
            }
        }
        catch (PingOneApiException ex)
        {
            context.Log.Warning("The attribute metadata of '" + pending.ConnectionName + "' could not be read (" + ex.Message + "); the default mappings are added without checking them against it.");
        }

        return defaults.Concat(pending.Mappings).ToList();
    }

    private async Task<PropagationRule> EnableAsync(ProvisioningCatalog catalog, PropagationRule rule, OperationContext context, CancellationToken cancellationToken)
    {
        await catalog.ActivePlanAsync(context, cancellationToken).ConfigureAwait(false);
        PropagationRule replacement = rule.ToReplacement();
        replacement.Active = true;
        PropagationRule updated = await ReplaceAsync(rule.Id!, replacement, context, cancellationToken).ConfigureAwait(false);
        catalog.Remember(updated);
        return updated;
    }

    private async Task<PropagationRule> ReplaceAsync(string ruleId, PropagationRule replacement, OperationContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await _rules.ReplaceAsync(ruleId, replacement, context, cancellationToken).ConfigureAwait(false);
        }
        catch (PingOneApiException ex) when (ex.StatusCode == 400 && replacement.IsActive && ex.HasDetailFor("active"))
        {
            string reason = ex.Details.FirstOrDefault(d => string.Equals(d.Target, "active", StringComparison.OrdinalIgnoreCase))?.Message ?? ex.ApiMessage ?? ex.Message;
            throw new AqueraOperationException(ErrorIds.RuleEnableRefused, "PingOne refused to enable the rule '" + replacement.Name + "': " + reason, ex) { Name = replacement.Name };
        }
    }
}

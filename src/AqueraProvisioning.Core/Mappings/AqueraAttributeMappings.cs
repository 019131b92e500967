using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core;

/// <summary>
/// The attribute mappings of rules: list, create (the target is the natural key within a rule), change by
/// read-modify-write keeping unknown members, and delete on whichever path the tenant takes.
/// </summary>
public sealed class AqueraAttributeMappings
{
    private readonly PropagationMappings _mappings;

    internal AqueraAttributeMappings(PropagationMappings mappings)
    {
        _mappings = mappings;
    }

    /// <summary>A fresh index of the mappings this invocation touches.</summary>
    public MappingIndex NewIndex() => new MappingIndex(this);

    /// <summary>The rule's mappings.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public async Task<IReadOnlyList<AqueraAttributeMapping>> ListAsync(AqueraProvisioningRule rule, OperationContext context, CancellationToken cancellationToken)
    {
        if (rule is null)
        {
            throw new ArgumentNullException(nameof(rule));
        }

        IReadOnlyList<PropagationMapping> wire = await _mappings.ListAsync(AqueraInput.RequireId(rule.Id, "Rule"), context, cancellationToken).ConfigureAwait(false);
        return wire.Where(m => !string.IsNullOrEmpty(m.Id)).Select(m => ToMapping(m, rule)).ToList();
    }

    /// <summary>One mapping by id; its <see cref="AqueraAttributeMapping.RuleName"/> is null.</summary>
    /// <param name="mappingId">The mapping id.</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<AqueraAttributeMapping> GetAsync(string mappingId, OperationContext context, CancellationToken cancellationToken) =>
        ToMapping(await _mappings.GetAsync(AqueraInput.RequireId(mappingId, "Id"), context, cancellationToken).ConfigureAwait(false), null);

    /// <summary>Creates a mapping; a target the rule already maps is refused (AqueraMappingExists) before anything is sent.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="draft">The mapping.</param>
    /// <param name="index">This invocation's index, for the natural-key check.</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public async Task<AqueraAttributeMapping> CreateAsync(AqueraProvisioningRule rule, AqueraMappingDraft draft, MappingIndex index, OperationContext context, CancellationToken cancellationToken)
    {
        if (rule is null || draft is null || index is null)
        {
            throw new ArgumentNullException(rule is null ? nameof(rule) : draft is null ? nameof(draft) : nameof(index));
        }

        AqueraMappingDraft valid = draft.Validated();
        if (await index.FindAsync(rule, valid.Target, context, cancellationToken).ConfigureAwait(false) is AqueraAttributeMapping existing)
        {
            throw new AqueraOperationException(ErrorIds.MappingExists, "The rule '" + rule.Name + "' already maps '" + existing.Target + "' (from " + (existing.Source ?? existing.Expression) + "); a target is mapped once per rule.") { Name = existing.Target };
        }

        AqueraAttributeMapping created = ToMapping(await CreateWireAsync(rule.Id, valid, context, cancellationToken).ConfigureAwait(false), rule);
        index.Remember(created);
        return created;
    }

    /// <summary>
    /// Reads the mapping and works out the change, without sending it. A new target that another mapping of the
    /// rule has is refused (AqueraMappingExists).
    /// </summary>
    /// <param name="mapping">The mapping as listed.</param>
    /// <param name="changes">What to change.</param>
    /// <param name="index">This invocation's index.</param>
    /// <param name="rule">The mapping's rule.</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public async Task<PendingMappingUpdate> PrepareUpdateAsync(AqueraAttributeMapping mapping, AqueraMappingChanges changes, MappingIndex index, AqueraProvisioningRule rule, OperationContext context, CancellationToken cancellationToken)
    {
        if (mapping is null || changes is null || index is null || rule is null)
        {
            throw new ArgumentNullException(mapping is null ? nameof(mapping) : changes is null ? nameof(changes) : index is null ? nameof(index) : nameof(rule));
        }

        PropagationMapping saved = await _mappings.GetAsync(AqueraInput.RequireId(mapping.Id, "Id"), context, cancellationToken).ConfigureAwait(false);
        PropagationMapping replacement = saved.ToReplacement();
        string oldAutoName = (saved.SourceAttribute ?? saved.Expression) + " -> " + saved.TargetAttribute;
        var draft = new AqueraMappingDraft(
            changes.Target ?? saved.TargetAttribute ?? string.Empty,
            changes.Expression != null && changes.Source is null ? null : changes.Source ?? saved.SourceAttribute,
            changes.Source != null && changes.Expression is null ? null : changes.Expression ?? saved.Expression)
        {
            Type = changes.Type ?? saved.Type,
            Name = changes.Name,
        };
        AqueraMappingDraft valid = draft.Validated();
        if (!string.Equals(valid.Target, saved.TargetAttribute, StringComparison.OrdinalIgnoreCase) &&
            await index.FindAsync(rule, valid.Target, context, cancellationToken).ConfigureAwait(false) is AqueraAttributeMapping other)
        {
            throw new AqueraOperationException(ErrorIds.MappingExists, "The rule '" + rule.Name + "' already maps '" + other.Target + "'; a target is mapped once per rule.") { Name = other.Target };
        }

        replacement.TargetAttribute = valid.Target;
        replacement.SourceAttribute = valid.Source;
        replacement.Expression = valid.Expression;
        if (changes.Type is AqueraMappingType type && type != saved.Type)
        {
            replacement.AttributeMappingType = PropagationMapping.TypeToWire(type);
        }

        // A name this module generated follows the mapping; a name someone chose stays unless a new one is given.
        replacement.Name = valid.Name ?? (saved.Name is null || saved.Name == oldAutoName ? valid.WireName() : saved.Name);
        bool unchanged = WireEquality.Same(replacement, saved.ToReplacement(), CoreJson.Default.PropagationMapping);
        return new PendingMappingUpdate(ToMapping(saved, rule), saved, replacement, unchanged, rule);
    }

    /// <summary>Sends a prepared change (nothing when there is nothing to change).</summary>
    /// <param name="pending">The prepared change.</param>
    /// <param name="index">This invocation's index.</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<AqueraAttributeMapping> ApplyAsync(PendingMappingUpdate pending, MappingIndex index, OperationContext context, CancellationToken cancellationToken)
    {
        if (pending is null || index is null)
        {
            throw new ArgumentNullException(pending is null ? nameof(pending) : nameof(index));
        }

        if (pending.IsNoOp)
        {
            context.Log.Verbose("The mapping to '" + pending.Current.Target + "' already is as asked; nothing to send.");
            return pending.Current;
        }

        AqueraAttributeMapping updated = ToMapping(await _mappings.ReplaceAsync(pending.Current.Id, pending.Replacement, context, cancellationToken).ConfigureAwait(false), pending.Rule);
        index.Remember(updated);
        return updated;
    }

    /// <summary>Deletes a mapping.</summary>
    /// <param name="mapping">The mapping.</param>
    /// <param name="index">This invocation's index, or null.</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public async Task DeleteAsync(AqueraAttributeMapping mapping, MappingIndex? index, OperationContext context, CancellationToken cancellationToken)
    {
        if (mapping is null)
        {
            throw new ArgumentNullException(nameof(mapping));
        }

        await _mappings.DeleteAsync(AqueraInput.RequireId(mapping.Id, "Id"), context, cancellationToken).ConfigureAwait(false);
        index?.Forget(mapping);
    }

    internal Task<IReadOnlyList<PropagationMapping>> ListWireAsync(string ruleId, OperationContext context, CancellationToken cancellationToken) =>
        _mappings.ListAsync(ruleId, context, cancellationToken);

    internal Task DeleteWireAsync(string mappingId, OperationContext context, CancellationToken cancellationToken) =>
        _mappings.DeleteAsync(mappingId, context, cancellationToken);

    internal Task<PropagationMapping> CreateWireAsync(string ruleId, AqueraMappingDraft valid, OperationContext context, CancellationToken cancellationToken) =>
        _mappings.CreateAsync(
            ruleId,
            new PropagationMapping
            {
                Name = valid.WireName(),
                SourceAttribute = valid.Source,
                Expression = valid.Expression,
                TargetAttribute = valid.Target,
                AttributeMappingType = PropagationMapping.TypeToWire(valid.Type),
            },
            context,
            cancellationToken);

    internal static AqueraAttributeMapping ToMapping(PropagationMapping wire, AqueraProvisioningRule? rule) => new AqueraAttributeMapping
    {
        Id = wire.Id ?? string.Empty,
        RuleId = wire.Rule?.Id ?? rule?.Id ?? string.Empty,
        RuleName = rule?.Name,
        Target = wire.TargetAttribute ?? string.Empty,
        Source = wire.SourceAttribute,
        Expression = wire.Expression,
        Type = wire.Type,
        Name = wire.Name,
        CreatedAt = wire.CreatedAt,
        UpdatedAt = wire.UpdatedAt,
    };
}

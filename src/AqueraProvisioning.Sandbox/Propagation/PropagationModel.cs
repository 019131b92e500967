using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// The environment's plan, rules and mappings. They share the stores' lock, so the referential rules (a rule names
/// existing stores; a store in use cannot be deleted; deleting a plan or a rule removes what hangs off it) hold
/// under concurrent writes. Removed rules are announced through <see cref="RuleRemoved"/>; the engine listens.
/// </summary>
public sealed class PropagationModel
{
    internal PropagationModel(Lock propagationGate)
    {
        Plans = new InMemoryCollection<PlanRecord>(propagationGate);
        Rules = new InMemoryCollection<RuleRecord>(propagationGate);
        Mappings = new InMemoryCollection<MappingRecord>(propagationGate);
    }

    /// <summary>Raised for every removed rule with whether the delete asked to deprovision its users.</summary>
    internal event Action<RuleRecord, bool>? RuleRemoved;

    /// <summary>Every plan (zero or one).</summary>
    public IReadOnlyList<PlanRecord> AllPlans => Plans.Snapshot();

    /// <summary>Every rule, in creation order.</summary>
    public IReadOnlyList<RuleRecord> AllRules => Rules.Snapshot();

    /// <summary>Every mapping, in creation order.</summary>
    public IReadOnlyList<MappingRecord> AllMappings => Mappings.Snapshot();

    internal InMemoryCollection<PlanRecord> Plans { get; }

    internal InMemoryCollection<RuleRecord> Rules { get; }

    internal InMemoryCollection<MappingRecord> Mappings { get; }

    /// <summary>The mappings of <paramref name="ruleId"/>, in creation order.</summary>
    /// <param name="ruleId">Rule id.</param>
    public IReadOnlyList<MappingRecord> MappingsOf(Guid ruleId) => Mappings.Where(mapping => mapping.Content.RuleId == ruleId);

    /// <summary>The rules that use <paramref name="storeId"/> as source or target.</summary>
    /// <param name="storeId">Store id.</param>
    public IReadOnlyList<RuleRecord> RulesUsing(Guid storeId) =>
        Rules.Where(rule => rule.Content.SourceStoreId == storeId || rule.Content.TargetStoreId == storeId);

    internal TResult Locked<TResult>(Func<TResult> action) => Rules.Locked(action);

    /// <summary>Removes the rule and its mappings; false when it is already gone.</summary>
    internal bool RemoveRule(Guid ruleId, bool deprovision)
    {
        var removed = Locked(() =>
        {
            Mappings.RemoveAll(mapping => mapping.Content.RuleId == ruleId);
            return Rules.Remove(ruleId);
        });
        if (removed is not null)
        {
            RuleRemoved?.Invoke(removed, deprovision);
        }

        return removed is not null;
    }

    /// <summary>Removes the plan, its rules and their mappings (stores survive); false when it is already gone.</summary>
    internal bool RemovePlan(Guid planId)
    {
        var rules = Locked(() =>
        {
            if (Plans.Remove(planId) is null)
            {
                return null;
            }

            var removed = Rules.RemoveAll(rule => rule.Content.PlanId == planId);
            var ids = removed.Select(rule => rule.Id).ToHashSet();
            Mappings.RemoveAll(mapping => ids.Contains(mapping.Content.RuleId));
            return removed;
        });
        foreach (var rule in rules ?? [])
        {
            RuleRemoved?.Invoke(rule, false);
        }

        return rules is not null;
    }

    internal void Clear() => Locked(() =>
    {
        Mappings.Clear();
        Rules.Clear();
        Plans.Clear();
        return true;
    });
}

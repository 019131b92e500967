using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// A rule as one run sees it: who is in scope (its <c>populationExpression</c> as a SCIM filter over the PingOne
/// user; the deprecated <c>populations[]</c>, when given, ANDed with it; neither: the <c>emptyScope</c> knob) and its
/// compiled mappings.
/// </summary>
internal sealed record RuleScope(RuleRecord Rule, FilterNode? Filter, IReadOnlySet<Guid>? Populations, bool EmptyIsAll, MappingSet Mappings)
{
    public Guid Id => Rule.Id;

    public static RuleScope Of(RuleRecord rule, PropagationModel model, PropagationSettings knobs)
    {
        var content = rule.Content;
        var filter = content.PopulationExpression is { } expression ? FilterParser.TryParse(expression, out _) : null;
        var populations = content.PopulationIds is { Count: > 0 } ids ? ids.ToHashSet() : null;
        return new RuleScope(rule, filter, populations, knobs.EmptyScope == "all", MappingSet.For(model.MappingsOf(rule.Id)));
    }

    public bool Includes(DirectoryUser user, JsonObject view)
    {
        if (Filter is null && Populations is null)
        {
            return EmptyIsAll;
        }

        return (Populations is null || Populations.Contains(user.PopulationId)) && (Filter is null || FilterEvaluator.Matches(Filter, view));
    }
}

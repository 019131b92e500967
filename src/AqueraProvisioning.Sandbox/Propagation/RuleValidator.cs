using System;
using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// Validates a rule body for create and for PUT (a full replace), every bad field at once. Runs under the
/// propagation lock, so the stores, the plan and the name checks see what the write will see.
/// </summary>
internal static class RuleValidator
{
    private static readonly string[] KnownFields =
    [
        "plan", "sourceStore", "targetStore", "name", "description", "active", "populationExpression", "groups",
        "populations", "deprovision", "configuration",
    ];

    /// <summary>The validated rule, or null when <paramref name="errors"/> has entries.</summary>
    /// <param name="body">The request body.</param>
    /// <param name="state">For the referenced plan, stores, groups and populations.</param>
    /// <param name="current">The rule being replaced, or null for a create.</param>
    /// <param name="pathPlanId">The plan of a plan-scoped create (<c>/plans/{id}/rules</c>), or null.</param>
    /// <param name="errors">Collects the failures.</param>
    public static RuleContent? Validate(JsonObject body, SandboxState state, RuleRecord? current, Guid? pathPlanId, ValidationErrors errors)
    {
        var model = state.Propagation;
        var directory = state.Directory;
        var planId = JsonReferences.Immutable(body, "plan", current?.Content.PlanId ?? pathPlanId, id => model.Plans.Find(id) is not null, "propagation plan", errors);
        var sourceId = JsonReferences.Immutable(body, "sourceStore", current?.Content.SourceStoreId, id => state.Stores.Find(id) is not null, StoreRoutes.Kind, errors);
        var targetId = JsonReferences.Immutable(body, "targetStore", current?.Content.TargetStoreId, id => state.Stores.Find(id) is not null, StoreRoutes.Kind, errors);
        var name = JsonFields.String(body, "name", "name", errors, required: true, StoreValidator.MaxNameLength);
        var description = JsonFields.String(body, "description", "description", errors, required: false, StoreValidator.MaxDescriptionLength);
        var active = JsonFields.Boolean(body, "active", "active", errors) ?? false;
        var expression = JsonFields.String(body, "populationExpression", "populationExpression", errors, required: false);
        if (!string.IsNullOrWhiteSpace(expression) && FilterParser.TryParse(expression, out var filterError) is null)
        {
            errors.Invalid("populationExpression", $"populationExpression is not a valid SCIM filter: {filterError}.");
        }

        var groups = JsonReferences.ReadList(body, "groups", errors, id => directory.Groups.Find(id) is not null, "group");
        var populations = body["populations"] is null ? null : JsonReferences.ReadList(body, "populations", errors, id => directory.Populations.Find(id) is not null, "population");
        var deprovision = JsonFields.Boolean(body, "deprovision", "deprovision", errors);
        var configuration = JsonFields.Object(body, "configuration", "configuration", errors, required: false);
        if (name is not null && planId is { } plan && model.Rules.FindFirst(rule =>
            rule.Id != current?.Id && rule.Content.PlanId == plan && string.Equals(rule.Content.Name, name, StringComparison.OrdinalIgnoreCase)) is not null)
        {
            errors.Invalid("name", $"The plan already has a rule named {name}; rule names are unique in a plan.");
        }

        var activating = active && current?.Content.Active != true;
        if (activating && targetId is { } target && state.Stores.Find(target) is { } store && store.Content.Status != StoreValidator.Active)
        {
            errors.Invalid("active", $"The target store {store.Content.Name} is disabled; enable it before activating the rule.");
        }

        if (activating && state.Settings.Propagation.ActiveRuleRequiresMappings && (current is null || model.MappingsOf(current.Id).Count == 0))
        {
            errors.Invalid("active", "The rule has no attribute mappings; add its mappings before activating the rule.");
        }

        if (errors.Count > 0)
        {
            return null;
        }

        return new RuleContent(
            planId!.Value,
            sourceId!.Value,
            targetId!.Value,
            name!,
            description,
            active,
            string.IsNullOrWhiteSpace(expression) ? null : expression,
            groups,
            populations,
            deprovision,
            StoreValidator.ToElement(configuration),
            ExtraFields.Keep(body, KnownFields));
    }
}

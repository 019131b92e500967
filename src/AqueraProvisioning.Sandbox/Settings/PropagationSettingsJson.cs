using System;
using System.Linq;
using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// The rule knobs in <c>GET|POST /__sandbox/settings</c>: one table row per knob (its JSON name, its values, how it
/// reads and writes), so rendering and merging cannot drift apart.
/// </summary>
internal static class PropagationSettingsJson
{
    private static readonly Knob[] Knobs =
    [
        Status("secondPlanStatus", s => s.SecondPlanStatus, (s, v) => s with { SecondPlanStatus = v }),
        Word("planStatusMode", ["ignored", "required", "inactiveOnly"], s => s.PlanStatusMode, (s, v) => s with { PlanStatusMode = v }),
        Flag("directoryConfigurationRequired", s => s.DirectoryConfigurationRequired, (s, v) => s with { DirectoryConfigurationRequired = v }),
        Word("ruleCreatePath", ["both", "planOnly", "flatOnly"], s => s.RuleCreatePath, (s, v) => s with { RuleCreatePath = v }),
        Flag("ruleCreateReturnsId", s => s.RuleCreateReturnsId, (s, v) => s with { RuleCreateReturnsId = v }),
        Word("ruleListShape", ["embedded", "items", "array"], s => s.RuleListShape, (s, v) => s with { RuleListShape = v }),
        Flag("activeRuleRequiresMappings", s => s.ActiveRuleRequiresMappings, (s, v) => s with { ActiveRuleRequiresMappings = v }),
        Status("storeInUseStatus", s => s.StoreInUseStatus, (s, v) => s with { StoreInUseStatus = v }),
        Word("mappingDeletePath", ["both", "singular", "plural"], s => s.MappingDeletePath, (s, v) => s with { MappingDeletePath = v }),
        Flag("mappingNameRequired", s => s.MappingNameRequired, (s, v) => s with { MappingNameRequired = v }),
        Word("storeMetadataBody", ["any", "wrapped", "flat"], s => s.StoreMetadataBody, (s, v) => s with { StoreMetadataBody = v }),
        Word("storeMetadataShape", ["list", "map"], s => s.StoreMetadataShape, (s, v) => s with { StoreMetadataShape = v }),
        Word("syncedRuleStatusCase", ["upper", "title"], s => s.SyncedRuleStatusCase, (s, v) => s with { SyncedRuleStatusCase = v }),
        Word("emptyScope", ["none", "all"], s => s.EmptyScope, (s, v) => s with { EmptyScope = v }),
    ];

    public static void Render(PropagationSettings settings, JsonObject json)
    {
        foreach (var knob in Knobs)
        {
            json[knob.Name] = knob.Render(settings);
        }
    }

    /// <summary>Applies the knob named <paramref name="key"/>; false when no rule knob has that name.</summary>
    public static bool TryMerge(string key, JsonObject patch, PropagationSettings current, ValidationErrors errors, out PropagationSettings merged)
    {
        merged = current;
        if (Knobs.FirstOrDefault(knob => knob.Name == key) is not { } found)
        {
            return false;
        }

        merged = found.Merge(patch, current, errors);
        return true;
    }

    private static Knob Flag(string name, Func<PropagationSettings, bool> get, Func<PropagationSettings, bool, PropagationSettings> set) => new(
        name,
        s => JsonValue.Create(get(s)),
        (patch, s, errors) =>
        {
            if (JsonFields.Boolean(patch, name, name, errors) is { } value)
            {
                return set(s, value);
            }

            if (patch[name] is null)
            {
                errors.Required(name);
            }

            return s;
        });

    private static Knob Word(string name, string[] allowed, Func<PropagationSettings, string> get, Func<PropagationSettings, string, PropagationSettings> set) => new(
        name,
        s => JsonValue.Create(get(s)),
        (patch, s, errors) => JsonFields.OneOf(patch, name, name, allowed, errors, required: true) is { } value ? set(s, value) : s);

    // The HTTP status a knob picks is written as a number: 400 or 409.
    private static Knob Status(string name, Func<PropagationSettings, int> get, Func<PropagationSettings, int, PropagationSettings> set) => new(
        name,
        s => JsonValue.Create(get(s)),
        (patch, s, errors) =>
        {
            if (patch[name] is JsonValue value && value.TryGetValue<int>(out var status) && status is 400 or 409)
            {
                return set(s, status);
            }

            errors.Invalid(name, $"{name} must be 400 or 409.", new JsonObject { ["allowedValues"] = new JsonArray(400, 409) });
            return s;
        });

    private sealed record Knob(
        string Name,
        Func<PropagationSettings, JsonNode?> Render,
        Func<JsonObject, PropagationSettings, ValidationErrors, PropagationSettings> Merge);
}

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// The knobs for the rule API's open questions (see <c>/work/contract/rules-contract.md</c>), each choosing one of
/// the plausible PingOne answers so a client can be tested against all of them. Word-valued knobs hold the
/// contract's words; the defaults come first in each list of <see cref="PropagationSettingsJson"/>.
/// </summary>
public sealed record PropagationSettings
{
    /// <summary>Status of the answer to a second plan: 400 (<c>INVALID_DATA</c>) or 409 (<c>CONFLICT</c>).</summary>
    public int SecondPlanStatus { get; init; } = 400;

    /// <summary><c>ignored</c>, <c>required</c> (the engine runs only for an ACTIVE plan) or <c>inactiveOnly</c> (ACTIVE is refused).</summary>
    public string PlanStatusMode { get; init; } = "ignored";

    /// <summary>Whether a <c>directory</c> store must carry <c>configuration</c>.</summary>
    public bool DirectoryConfigurationRequired { get; init; }

    /// <summary><c>both</c>, <c>planOnly</c> (the flat create is 405) or <c>flatOnly</c> (the plan-scoped create is 404).</summary>
    public string RuleCreatePath { get; init; } = "both";

    /// <summary>Whether a rule create answers with the rule's id (and a Location).</summary>
    public bool RuleCreateReturnsId { get; init; } = true;

    /// <summary><c>embedded</c> (HAL), <c>items</c> (<c>{"items":[...]}</c>) or <c>array</c> (a bare array) for rule lists.</summary>
    public string RuleListShape { get; init; } = "embedded";

    /// <summary>Whether activating a rule without mappings is refused.</summary>
    public bool ActiveRuleRequiresMappings { get; init; } = true;

    /// <summary>Status of the answer to deleting a store a rule uses: 400 or 409.</summary>
    public int StoreInUseStatus { get; init; } = 400;

    /// <summary><c>both</c>, <c>singular</c> (<c>/propagation/mapping/{id}</c> only) or <c>plural</c> for mapping deletes.</summary>
    public string MappingDeletePath { get; init; } = "both";

    /// <summary>Whether a mapping must have a <c>name</c>.</summary>
    public bool MappingNameRequired { get; init; }

    /// <summary><c>any</c>, <c>wrapped</c> (<c>{"type","configuration"}</c>) or <c>flat</c> Aquera store metadata bodies.</summary>
    public string StoreMetadataBody { get; init; } = "any";

    /// <summary><c>list</c> (an array of attributes) or <c>map</c> (an object keyed by name) in store metadata.</summary>
    public string StoreMetadataShape { get; init; } = "list";

    /// <summary><c>upper</c> (<c>SUCCESS</c>) or <c>title</c> (<c>Success</c>) synced-rule status words.</summary>
    public string SyncedRuleStatusCase { get; init; } = "upper";

    /// <summary><c>none</c> or <c>all</c>: who a rule with an empty populationExpression provisions.</summary>
    public string EmptyScope { get; init; } = "none";
}

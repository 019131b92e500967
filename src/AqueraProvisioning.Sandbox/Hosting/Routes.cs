namespace AqueraProvisioning.Sandbox;

/// <summary>
/// Route patterns of the PingOne API (under <c>/v1/environments/{envId}</c>), shared by the endpoints so a path is
/// spelt once. The matching absolute URLs for links come from <see cref="ApiUrls"/>.
/// </summary>
internal static class Routes
{
    public const string Environment = "/v1/environments/{envId}";

    public const string Stores = Environment + "/propagation/stores";
    public const string Store = Stores + "/{storeId}";
    public const string Revisions = Environment + "/propagation/revisions";
    public const string Revision = Revisions + "/{revisionId}";

    public const string Plans = Environment + "/propagation/plans";
    public const string Plan = Plans + "/{planId}";
    public const string PlanRules = Plan + "/rules";
    public const string Rules = Environment + "/propagation/rules";
    public const string Rule = Rules + "/{ruleId}";
    public const string RuleMappings = Rule + "/mappings";
    public const string RuleSyncedGroups = Rule + "/syncedGroups";
    public const string Mappings = Environment + "/propagation/mappings";
    public const string Mapping = Mappings + "/{mappingId}";
    public const string MappingSingular = Environment + "/propagation/mapping/{mappingId}";
    public const string StoreMetadata = Environment + "/propagation/storeMetadata/{storeType}";

    public const string Users = Environment + "/users";
    public const string User = Users + "/{userId}";
    public const string UserEnabled = User + "/enabled";
    public const string UserGroups = User + "/memberOfGroups";
    public const string UserGroup = UserGroups + "/{groupId}";
    public const string Populations = Environment + "/populations";
    public const string Population = Populations + "/{populationId}";
    public const string Groups = Environment + "/groups";
    public const string Group = Groups + "/{groupId}";
    public const string UserSyncedRule = User + "/syncedRules/{ruleId}";
    public const string GroupSyncedRule = Group + "/syncedRules/{ruleId}";
}

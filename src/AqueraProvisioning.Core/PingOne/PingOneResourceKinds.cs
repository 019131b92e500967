namespace AqueraProvisioning.Core;

/// <summary>What each <see cref="PingOneResourceKind"/> is called and which ErrorId a 404 for it carries.</summary>
public static class PingOneResourceKinds
{
    /// <summary>The ErrorId of a 404 for this kind; every kind without its own id gets <see cref="ErrorIds.NotFound"/>.</summary>
    /// <param name="kind">The kind addressed.</param>
    public static string NotFoundErrorId(PingOneResourceKind kind) => kind switch
    {
        PingOneResourceKind.Store => ErrorIds.ConnectionNotFound,
        PingOneResourceKind.Rule => ErrorIds.RuleNotFound,
        PingOneResourceKind.Mapping => ErrorIds.MappingNotFound,
        PingOneResourceKind.Plan => ErrorIds.PlanNotFound,
        PingOneResourceKind.User => ErrorIds.UserNotFound,
        PingOneResourceKind.Population => ErrorIds.PopulationNotFound,
        PingOneResourceKind.Group => ErrorIds.GroupNotFound,
        _ => ErrorIds.NotFound,
    };

    /// <summary>The kind in words, as PingOne names it: "propagation rule", "population".</summary>
    /// <param name="kind">The kind.</param>
    public static string Describe(PingOneResourceKind kind) => kind switch
    {
        PingOneResourceKind.Environment => "environment",
        PingOneResourceKind.Store => "propagation store",
        PingOneResourceKind.Rule => "propagation rule",
        PingOneResourceKind.Mapping => "propagation mapping",
        PingOneResourceKind.Plan => "propagation plan",
        PingOneResourceKind.Revision => "propagation revision",
        PingOneResourceKind.User => "user",
        PingOneResourceKind.Population => "population",
        PingOneResourceKind.Group => "group",
        _ => "resource",
    };
}

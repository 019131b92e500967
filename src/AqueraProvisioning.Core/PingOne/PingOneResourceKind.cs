namespace AqueraProvisioning.Core;

/// <summary>
/// The kind of thing a PingOne request addresses, so that a 404 can say what was not found (a rule, not a
/// connection) and carry the matching ErrorId.
/// </summary>
public enum PingOneResourceKind
{
    /// <summary>Not said; a 404 is reported as <see cref="ErrorIds.NotFound"/>.</summary>
    Resource,

    /// <summary>A PingOne environment (a collection of it, or its token endpoint).</summary>
    Environment,

    /// <summary>A propagation store of any type; an Aquera connection is one.</summary>
    Store,

    /// <summary>A propagation rule.</summary>
    Rule,

    /// <summary>An attribute mapping of a propagation rule.</summary>
    Mapping,

    /// <summary>The environment's propagation plan.</summary>
    Plan,

    /// <summary>A propagation revision.</summary>
    Revision,

    /// <summary>A directory user.</summary>
    User,

    /// <summary>A directory population.</summary>
    Population,

    /// <summary>A directory group.</summary>
    Group,
}

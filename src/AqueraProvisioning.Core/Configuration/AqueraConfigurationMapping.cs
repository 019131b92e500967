namespace AqueraProvisioning.Core;

/// <summary>
/// One attribute mapping of a rule: the target attribute in Aquera, filled from a PingOne attribute
/// (<see cref="Source"/>) or from an expression (<see cref="Expression"/>), never both.
/// </summary>
public sealed class AqueraConfigurationMapping
{
    /// <summary>The target (SCIM) attribute: the mapping's identity within its rule, case-insensitive.</summary>
    public string Target { get; set; } = string.Empty;

    /// <summary>The PingOne user attribute it copies; null when <see cref="Expression"/> is used.</summary>
    public string? Source { get; set; }

    /// <summary>The PingOne expression it evaluates; null when <see cref="Source"/> is used.</summary>
    public string? Expression { get; set; }

    /// <summary>A user attribute (the default) or a group attribute mapping.</summary>
    public AqueraMappingType Type { get; set; } = AqueraMappingType.User;

    /// <summary>"source -> target".</summary>
    public override string ToString() => (Source ?? Expression) + " -> " + Target;
}

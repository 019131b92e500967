using System;

namespace AqueraProvisioning.Core;

/// <summary>
/// One attribute mapping of a rule: the Aquera (SCIM) attribute it fills, from a PingOne attribute or from a
/// PingOne expression.
/// </summary>
public sealed class AqueraAttributeMapping
{
    /// <summary>The mapping id.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The id of the rule it belongs to.</summary>
    public string RuleId { get; set; } = string.Empty;

    /// <summary>The name of the rule it belongs to, when known.</summary>
    public string? RuleName { get; set; }

    /// <summary>The Aquera attribute it fills, as a SCIM path such as <c>emails[type eq "work"].value</c>.</summary>
    public string Target { get; set; } = string.Empty;

    /// <summary>The PingOne user attribute it copies; null when <see cref="Expression"/> is used.</summary>
    public string? Source { get; set; }

    /// <summary>The PingOne expression it evaluates; null when <see cref="Source"/> is used.</summary>
    public string? Expression { get; set; }

    /// <summary>A user attribute or a group attribute mapping.</summary>
    public AqueraMappingType Type { get; set; }

    /// <summary>The mapping's name in PingOne, such as <c>username -&gt; userName</c>.</summary>
    public string? Name { get; set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>When it was last changed.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>"source -> target".</summary>
    public override string ToString() => (Source ?? Expression) + " -> " + Target;
}

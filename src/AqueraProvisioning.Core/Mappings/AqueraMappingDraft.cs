using System.Globalization;

namespace AqueraProvisioning.Core;

/// <summary>A mapping to create: the target, and exactly one of a source attribute and an expression.</summary>
public sealed class AqueraMappingDraft
{
    /// <summary>The longest mapping name this module sends.</summary>
    public const int MaxNameLength = 256;

    /// <summary>Creates a draft.</summary>
    /// <param name="target">The Aquera (SCIM) attribute to fill.</param>
    /// <param name="source">The PingOne user attribute to copy, or null.</param>
    /// <param name="expression">The PingOne expression to evaluate, or null.</param>
    public AqueraMappingDraft(string target, string? source, string? expression)
    {
        Target = target;
        Source = source;
        Expression = expression;
    }

    /// <summary>The Aquera (SCIM) attribute to fill.</summary>
    public string Target { get; }

    /// <summary>The PingOne user attribute to copy; null when <see cref="Expression"/> is used.</summary>
    public string? Source { get; }

    /// <summary>The PingOne expression to evaluate; null when <see cref="Source"/> is used.</summary>
    public string? Expression { get; }

    /// <summary>A user attribute mapping (the default) or a group attribute mapping.</summary>
    public AqueraMappingType Type { get; set; } = AqueraMappingType.User;

    /// <summary>The mapping's name in PingOne; null for <c>"&lt;source or expression&gt; -&gt; &lt;target&gt;"</c>.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// The draft with its text trimmed and checked: a target, and exactly one of source and expression. Empty text
    /// counts as absent, so a CSV row with an empty Expression column is a source mapping.
    /// </summary>
    public AqueraMappingDraft Validated()
    {
        string target = (Target ?? string.Empty).Trim();
        string? source = Blank(Source);
        string? expression = Blank(Expression);
        if (target.Length == 0)
        {
            throw new AqueraValidationException(ErrorIds.InvalidMapping, "A mapping needs a target attribute.", "Target", AqueraInputProblem.Missing);
        }

        if (target.Length > MaxNameLength)
        {
            throw new AqueraValidationException(ErrorIds.InvalidMapping, string.Format(CultureInfo.InvariantCulture, "The target attribute is {0} characters long; at most {1} are accepted.", target.Length, MaxNameLength), "Target", AqueraInputProblem.TooLong);
        }

        if (source is null && expression is null)
        {
            throw new AqueraValidationException(ErrorIds.InvalidMapping, "The mapping to '" + target + "' needs a source attribute or an expression.", "Source", AqueraInputProblem.Missing);
        }

        if (source != null && expression != null)
        {
            throw new AqueraValidationException(ErrorIds.InvalidMapping, "The mapping to '" + target + "' has both a source attribute and an expression; it takes one of them.", "Expression", AqueraInputProblem.Conflicting);
        }

        string? name = Blank(Name);
        if (name != null && name.Length > MaxNameLength)
        {
            throw new AqueraValidationException(ErrorIds.InvalidMapping, string.Format(CultureInfo.InvariantCulture, "The mapping name is {0} characters long; at most {1} are accepted.", name.Length, MaxNameLength), "Name", AqueraInputProblem.TooLong);
        }

        return new AqueraMappingDraft(target, source, expression) { Type = Type, Name = name };
    }

    /// <summary>The name sent to PingOne: the given one, else <c>"&lt;source or expression&gt; -&gt; &lt;target&gt;"</c>, cut to 256.</summary>
    internal string WireName()
    {
        string name = Name ?? (Source ?? Expression) + " -> " + Target;
        return name.Length <= MaxNameLength ? name : name.Substring(0, MaxNameLength);
    }

    /// <summary>"source -> target".</summary>
    public override string ToString() => (Source ?? Expression) + " -> " + Target;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
}

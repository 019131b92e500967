using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// Evaluates a <see cref="FilterNode"/> against a JSON object. Attribute names are matched case-insensitively and
/// string values compared case-insensitively (SCIM's default <c>caseExact: false</c>); a multi-valued attribute
/// matches when any of its values does; <c>ne</c> is the negation of <c>eq</c>, so it holds for an absent attribute.
/// </summary>
internal static class FilterEvaluator
{
    public static bool Matches(FilterNode filter, JsonNode? subject) => filter switch
    {
        FilterLogical { Operator: "and" } and => Matches(and.Left, subject) && Matches(and.Right, subject),
        FilterLogical or => Matches(or.Left, subject) || Matches(or.Right, subject),
        FilterNot not => !Matches(not.Inner, subject),
        FilterValuePath valuePath => AttributePath.Values(subject, valuePath.Path).Any(value => Matches(valuePath.Inner, value)),
        FilterComparison comparison => Compare(comparison, AttributePath.Values(subject, comparison.Path)),
        _ => false,
    };

    /// <summary>Every comparison in the filter, value paths' inner ones with their full path (<c>emails.type</c>).</summary>
    public static IEnumerable<FilterComparison> Comparisons(FilterNode filter, string prefix = "") => filter switch
    {
        FilterLogical logical => Comparisons(logical.Left, prefix).Concat(Comparisons(logical.Right, prefix)),
        FilterNot not => Comparisons(not.Inner, prefix),
        FilterValuePath valuePath => Comparisons(valuePath.Inner, prefix + valuePath.Path + "."),
        FilterComparison comparison => [comparison with { Path = prefix + comparison.Path }],
        _ => [],
    };

    /// <summary>True when the filter only uses comparisons joined by <c>and</c>/<c>or</c> (no <c>not</c>, no value paths).</summary>
    public static bool IsFlat(FilterNode filter) => filter switch
    {
        FilterLogical logical => IsFlat(logical.Left) && IsFlat(logical.Right),
        FilterComparison => true,
        _ => false,
    };

    private static bool Compare(FilterComparison comparison, IReadOnlyList<JsonNode?> values)
    {
        var present = values.Where(value => value is not null && !IsEmpty(value)).ToArray();
        return comparison.Operator switch
        {
            "pr" => present.Length > 0,
            "eq" when comparison.Value is null => present.Length == 0,
            "ne" when comparison.Value is null => present.Length > 0,
            "ne" => !present.Any(value => Holds("eq", value!, comparison.Value)),
            _ => present.Any(value => Holds(comparison.Operator, value!, comparison.Value!)),
        };
    }

    private static bool Holds(string op, JsonNode actual, JsonNode expected)
    {
        var actualKind = actual.GetValueKind();
        var expectedKind = expected.GetValueKind();
        if (actualKind == JsonValueKind.String && expectedKind == JsonValueKind.String)
        {
            var a = actual.GetValue<string>();
            var e = expected.GetValue<string>();
            return op switch
            {
                "eq" => string.Equals(a, e, StringComparison.OrdinalIgnoreCase),
                "co" => a.Contains(e, StringComparison.OrdinalIgnoreCase),
                "sw" => a.StartsWith(e, StringComparison.OrdinalIgnoreCase),
                "ew" => a.EndsWith(e, StringComparison.OrdinalIgnoreCase),
                _ => Ordered(op, string.Compare(a, e, StringComparison.OrdinalIgnoreCase)),
            };
        }

        if (actualKind == JsonValueKind.Number && expectedKind == JsonValueKind.Number)
        {
            return Ordered(op, actual.GetValue<decimal>().CompareTo(expected.GetValue<decimal>()));
        }

        if (actualKind is JsonValueKind.True or JsonValueKind.False && expectedKind is JsonValueKind.True or JsonValueKind.False)
        {
            return op == "eq" && actualKind == expectedKind;
        }

        return false;
    }

    private static bool Ordered(string op, int order) => op switch
    {
        "eq" => order == 0,
        "gt" => order > 0,
        "ge" => order >= 0,
        "lt" => order < 0,
        "le" => order <= 0,
        _ => false,
    };

    private static bool IsEmpty(JsonNode value) =>
        (value is JsonValue && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Length == 0)
        || value is JsonArray { Count: 0 };
}

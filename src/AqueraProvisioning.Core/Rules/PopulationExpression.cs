using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace AqueraProvisioning.Core;

/// <summary>
/// A rule's <c>populationExpression</c>, put together from populations and a free filter and taken apart again.
/// Populations are written as <c>population.id eq "&lt;id&gt;"</c> joined by <c>or</c>, and a filter is ANDed as
/// <c>(populations) and (filter)</c>, as the community provider writes them. Reading is tolerant of what other
/// tools wrote: whatever is not recognisably a list of populations stays in the filter, word for word.
/// </summary>
public static class PopulationExpression
{
    private static readonly Regex s_population = new Regex(
        "^population\\.id\\s+eq\\s+\"(?<id>[^\"\\\\]+)\"$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    /// <summary>The expression for these populations and this filter; null when there is neither.</summary>
    /// <param name="populationIds">Population ids; a user in any of them is in scope.</param>
    /// <param name="filter">A SCIM filter over PingOne users, ANDed with the populations; null or empty for none.</param>
    public static string? Build(IEnumerable<string>? populationIds, string? filter)
    {
        List<string> ids = (populationIds ?? Enumerable.Empty<string>()).Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        string? free = string.IsNullOrWhiteSpace(filter) ? null : filter!.Trim();
        string? populations = ids.Count == 0 ? null : string.Join(" or ", ids.Select(id => "population.id eq \"" + id + "\""));
        if (populations is null)
        {
            return free;
        }

        return free is null ? populations : "(" + populations + ") and (" + free + ")";
    }

    /// <summary>
    /// The population ids and the free filter of an expression. The populations are recognised when the whole
    /// expression, or one side of its top-level <c>and</c>, is nothing but <c>population.id eq</c> terms joined by
    /// <c>or</c>; everything else is the filter.
    /// </summary>
    /// <param name="expression">A <c>populationExpression</c>, or null.</param>
    public static PopulationExpressionParts Split(string? expression)
    {
        string text = (expression ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            return new PopulationExpressionParts(Array.Empty<string>(), null);
        }

        if (TryPopulations(text, out List<string> all))
        {
            return new PopulationExpressionParts(all, null);
        }

        List<string> terms = SplitTopLevel(text, "and");
        if (terms.Count >= 2)
        {
            if (TryPopulations(terms[0], out List<string> first))
            {
                return new PopulationExpressionParts(first, Rest(terms.Skip(1).ToList()));
            }

            if (TryPopulations(terms[terms.Count - 1], out List<string> last))
            {
                return new PopulationExpressionParts(last, Rest(terms.Take(terms.Count - 1).ToList()));
            }
        }

        return new PopulationExpressionParts(Array.Empty<string>(), text);
    }

    private static string Rest(List<string> terms) => terms.Count == 1 ? Unwrap(terms[0]) : string.Join(" and ", terms);

    private static bool TryPopulations(string text, out List<string> ids)
    {
        ids = new List<string>();
        foreach (string term in SplitTopLevel(Unwrap(text), "or"))
        {
            Match match = s_population.Match(Unwrap(term));
            if (!match.Success)
            {
                ids.Clear();
                return false;
            }

            ids.Add(match.Groups["id"].Value);
        }

        return ids.Count > 0;
    }

    /// <summary>Removes parentheses that enclose the whole text, as often as they do.</summary>
    private static string Unwrap(string text)
    {
        string value = text.Trim();
        while (value.Length >= 2 && value[0] == '(' && ClosingParenthesis(value, 0) == value.Length - 1)
        {
            value = value.Substring(1, value.Length - 2).Trim();
        }

        return value;
    }

    private static int ClosingParenthesis(string text, int open)
    {
        int depth = 0;
        bool quoted = false;
        for (int i = open; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The terms between the top-level occurrences of a logical operator (outside quotes and parentheses).</summary>
    private static List<string> SplitTopLevel(string text, string keyword)
    {
        var terms = new List<string>();
        var current = new StringBuilder();
        int depth = 0;
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                current.Append(c);
                if (c == '\\' && i + 1 < text.Length)
                {
                    current.Append(text[++i]);
                }
                else if (c == '"')
                {
                    quoted = false;
                }

                continue;
            }

            if (depth == 0 && char.IsWhiteSpace(c) && IsKeywordAt(text, i + 1, keyword))
            {
                terms.Add(current.ToString().Trim());
                current.Clear();
                i += keyword.Length;
                continue;
            }

            quoted = c == '"';
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            current.Append(c);
        }

        terms.Add(current.ToString().Trim());
        return terms;
    }

    private static bool IsKeywordAt(string text, int start, string keyword) =>
        start + keyword.Length < text.Length &&
        string.Compare(text, start, keyword, 0, keyword.Length, StringComparison.OrdinalIgnoreCase) == 0 &&
        (char.IsWhiteSpace(text[start + keyword.Length]) || text[start + keyword.Length] == '(');
}

/// <summary>A <c>populationExpression</c> taken apart: the populations it names and the rest of it.</summary>
public sealed class PopulationExpressionParts
{
    internal PopulationExpressionParts(IReadOnlyList<string> populationIds, string? filter)
    {
        PopulationIds = populationIds;
        Filter = filter;
    }

    /// <summary>The population ids, in the order written.</summary>
    public IReadOnlyList<string> PopulationIds { get; }

    /// <summary>The free filter ANDed with them; null when there is none.</summary>
    public string? Filter { get; }
}

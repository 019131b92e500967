using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace AqueraProvisioning.Completers;

/// <summary>The completions among known names that start like the word typed, quoted where PowerShell needs it.</summary>
internal static class CompletionText
{
    private static readonly char[] s_needsQuotes = { ' ', '\'', '"', '$', '`', ';', '(', ')', '{', '}', ',', '&', '@', '#', '[', ']' };

    public static IEnumerable<CompletionResult> Matching(IEnumerable<string>? names, string? wordToComplete)
    {
        if (names is null)
        {
            return Enumerable.Empty<CompletionResult>();
        }

        WildcardPattern pattern = StartsLike(wordToComplete);
        return names
            .Where(name => pattern.IsMatch(name))
            .Select(name => new CompletionResult(Quote(name), name, CompletionResultType.ParameterValue, name))
            .ToList();
    }

    /// <summary>
    /// Completions for an id parameter: the list shows each name, the id is inserted. A word matches the start of a
    /// name or of an id, so both a typed name and a pasted id prefix complete.
    /// </summary>
    public static IEnumerable<CompletionResult> Ids(IEnumerable<KeyValuePair<string, string>>? namesToIds, string? wordToComplete)
    {
        if (namesToIds is null)
        {
            return Enumerable.Empty<CompletionResult>();
        }

        WildcardPattern pattern = StartsLike(wordToComplete);
        return namesToIds
            .Where(pair => pattern.IsMatch(pair.Key) || pattern.IsMatch(pair.Value))
            .OrderBy(pair => pair.Key, System.StringComparer.OrdinalIgnoreCase)
            .Select(pair => new CompletionResult(pair.Value, pair.Key, CompletionResultType.ParameterValue, pair.Key + " (" + pair.Value + ")"))
            .ToList();
    }

    public static string Quote(string name) =>
        name.IndexOfAny(s_needsQuotes) < 0 ? name : "'" + name.Replace("'", "''") + "'";

    private static WildcardPattern StartsLike(string? wordToComplete) =>
        WildcardPattern.Get(WildcardPattern.Escape((wordToComplete ?? string.Empty).Trim('\'', '"')) + "*", WildcardOptions.IgnoreCase);
}

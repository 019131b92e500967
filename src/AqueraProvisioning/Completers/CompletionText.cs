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

        var pattern = WildcardPattern.Get(WildcardPattern.Escape((wordToComplete ?? string.Empty).Trim('\'', '"')) + "*", WildcardOptions.IgnoreCase);
        return names
            .Where(name => pattern.IsMatch(name))
            .Select(name => new CompletionResult(Quote(name), name, CompletionResultType.ParameterValue, name))
            .ToList();
    }

    public static string Quote(string name) =>
        name.IndexOfAny(s_needsQuotes) < 0 ? name : "'" + name.Replace("'", "''") + "'";
}

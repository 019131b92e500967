using System;
using System.Collections.Generic;
using System.Linq;

namespace AqueraProvisioning.Core;

/// <summary>The names closest to one that was not found: same start, one contained in the other, or a few typos away.</summary>
internal static class NameSuggestions
{
    public static IReadOnlyList<string> Closest(string wanted, IEnumerable<string> names, int most)
    {
        string target = wanted.Trim().ToUpperInvariant();
        return names
            .Where(n => !string.IsNullOrEmpty(n))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(n => (Name: n, Score: Score(target, n.ToUpperInvariant())))
            .Where(c => c.Score < int.MaxValue)
            .OrderBy(c => c.Score)
            .ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .Take(most)
            .Select(c => c.Name)
            .ToList();
    }

    /// <summary>Lower is closer; <see cref="int.MaxValue"/> is not close at all.</summary>
    private static int Score(string wanted, string candidate)
    {
        int distance = Distance(wanted, candidate);
        if (distance <= Math.Max(2, wanted.Length / 3))
        {
            return distance;
        }

        if (wanted.Length > 0 && (candidate.StartsWith(wanted, StringComparison.Ordinal) || wanted.StartsWith(candidate, StringComparison.Ordinal)))
        {
            return 100 + distance;
        }

        return wanted.Length > 2 && (candidate.Contains(wanted) || wanted.Contains(candidate)) ? 200 + distance : int.MaxValue;
    }

    /// <summary>Levenshtein distance with two rows.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), substitution);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}

using System;
using System.Collections.Generic;

namespace AqueraProvisioning.Internal;

/// <summary>
/// The one way -Name becomes objects, for connections and rules alike, on Get, Set, Test and Remove (and -Target
/// becomes a rule's mappings, with brackets literal): each candidate
/// whose name matches is handed on in listing order, and afterwards every literal name that matched nothing is
/// written as its not-found error (ObjectNotFound), while a wildcard that matched nothing is not an error.
/// </summary>
internal static class NamedTargets
{
    public static void Match<T>(AqueraCmdlet cmdlet, IEnumerable<string>? names, IEnumerable<T> candidates, Func<T, string> nameOf, Func<string, Exception> notFound, Action<T> onMatch, NameWildcards wildcards = NameWildcards.All)
    {
        var matcher = new NameMatcher(names, wildcards);
        foreach (T candidate in candidates)
        {
            if (matcher.IsMatch(nameOf(candidate)))
            {
                onMatch(candidate);
            }
        }

        foreach (string missing in matcher.Unmatched)
        {
            cmdlet.WriteFailure(notFound(missing), missing);
        }
    }

    /// <summary>The matching candidates, as a list, with the unmatched literals written as errors.</summary>
    public static List<T> Matching<T>(AqueraCmdlet cmdlet, IEnumerable<string>? names, IEnumerable<T> candidates, Func<T, string> nameOf, Func<string, Exception> notFound)
    {
        var matches = new List<T>();
        Match(cmdlet, names, candidates, nameOf, notFound, matches.Add);
        return matches;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace AqueraProvisioning.Internal;

/// <summary>How names given to a <see cref="NameMatcher"/> are read.</summary>
internal enum NameWildcards
{
    /// <summary>PowerShell's wildcards: <c>*</c>, <c>?</c> and <c>[...]</c>.</summary>
    All,

    /// <summary>Only <c>*</c> and <c>?</c>: brackets are literal, as in SCIM paths such as <c>emails[type eq "work"].value</c>.</summary>
    StarAndQuestionMark,

    /// <summary>Every name is literal.</summary>
    None,
}

/// <summary>
/// The -Name rule of the Get, Set and Remove cmdlets: names with wildcards match case-insensitively, no names match
/// everything, and a literal name that matched nothing is reported afterwards (ObjectNotFound), while a wildcard
/// that matched nothing is not an error.
/// </summary>
internal sealed class NameMatcher
{
    private readonly List<WildcardPattern> _patterns;
    private readonly Dictionary<string, bool> _literalsFound = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);

    public NameMatcher(IEnumerable<string>? names, NameWildcards wildcards = NameWildcards.All)
    {
        List<string> given = (names ?? Enumerable.Empty<string>()).Where(n => n != null).Select(n => Pattern(n, wildcards)).ToList();
        _patterns = given.Select(n => WildcardPattern.Get(n, WildcardOptions.IgnoreCase)).ToList();
        foreach (string literal in given.Where(n => !WildcardPattern.ContainsWildcardCharacters(n)))
        {
            _literalsFound[WildcardPattern.Unescape(literal)] = false;
        }
    }

    /// <summary>True when no name was given: everything matches.</summary>
    public bool MatchesEverything => _patterns.Count == 0;

    /// <summary>The literal names that matched nothing so far.</summary>
    public IEnumerable<string> Unmatched => _literalsFound.Where(kv => !kv.Value).Select(kv => kv.Key).ToList();

    /// <summary>Whether the name matches any pattern; a literal it equals counts as found.</summary>
    public bool IsMatch(string name)
    {
        if (_literalsFound.ContainsKey(name))
        {
            _literalsFound[name] = true;
        }

        return MatchesEverything || _patterns.Any(p => p.IsMatch(name));
    }

    private static string Pattern(string name, NameWildcards wildcards) => wildcards switch
    {
        NameWildcards.None => WildcardPattern.Escape(name),
        NameWildcards.StarAndQuestionMark => name.Replace("`", "``").Replace("[", "`[").Replace("]", "`]"),
        _ => name,
    };
}

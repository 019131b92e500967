using System.Text.RegularExpressions;

namespace AqueraProvisioning.Sandbox;

/// <summary>The one filter the fake service understands: <c>userName eq "value"</c> (what a connectivity probe sends).</summary>
internal static partial class ScimFilter
{
    public static bool TryParseUserNameEquals(string filter, out string userName)
    {
        var match = UserNameEquals().Match(filter);
        userName = match.Success ? match.Groups["value"].Value.Replace("\\\"", "\"", System.StringComparison.Ordinal).Replace("\\\\", "\\", System.StringComparison.Ordinal) : string.Empty;
        return match.Success;
    }

    // Attribute names and operators are case-insensitive in SCIM (RFC 7644 §3.4.2.2).
    [GeneratedRegex("""^\s*userName\s+eq\s+"(?<value>(?:[^"\\]|\\.)*)"\s*$""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UserNameEquals();
}

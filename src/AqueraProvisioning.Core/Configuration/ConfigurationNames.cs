using System;

namespace AqueraProvisioning.Core;

/// <summary>Names (of connections, rules, targets, populations, groups) compare case-insensitively, as PingOne does.</summary>
internal static class ConfigurationNames
{
    public static readonly StringComparer Comparer = StringComparer.OrdinalIgnoreCase;

    // Case-insensitive first, then exact, so the order is total and stable whatever the input order.
    public static readonly StringComparer Order = new CaseThenExact();

    public static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private sealed class CaseThenExact : StringComparer
    {
        public override int Compare(string? x, string? y)
        {
            int byName = StringComparer.OrdinalIgnoreCase.Compare(x, y);
            return byName != 0 ? byName : StringComparer.Ordinal.Compare(x, y);
        }

        public override bool Equals(string? x, string? y) => StringComparer.Ordinal.Equals(x, y);

        public override int GetHashCode(string obj) => StringComparer.Ordinal.GetHashCode(obj);
    }
}

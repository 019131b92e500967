using System;
using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// The opaque <c>cursor</c> of every collection: the creation sequence of the last item already returned,
/// base64url-encoded so clients treat it as opaque. Deleting or adding items between pages skips nothing.
/// </summary>
internal static class CollectionCursor
{
    private const string Prefix = "after:";

    public static string Encode(long lastSequence) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Prefix + lastSequence.ToString(CultureInfo.InvariantCulture)));

    public static bool TryDecode(string cursor, out long lastSequence)
    {
        lastSequence = 0;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(cursor);
        }
        catch (FormatException)
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(bytes);
        return text.StartsWith(Prefix, StringComparison.Ordinal)
            && long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out lastSequence);
    }
}

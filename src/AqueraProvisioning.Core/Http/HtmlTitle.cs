using System;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace AqueraProvisioning.Core;

/// <summary>
/// What an HTML body (a proxy's or gateway's error page, a login page) is called, so an error can name the page
/// without quoting it: pages can echo request headers and cookies, and are long.
/// </summary>
internal static class HtmlTitle
{
    private const int Scan = 64 * 1024;
    private const int MaxLength = 120;

    private static readonly Regex s_title = new Regex(
        "<title[^>]*>(.*?)</title\\s*>",
        RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    private static readonly Regex s_space = new Regex("\\s+", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>True when the body is HTML by its media type, or, without a JSON one, by its first character.</summary>
    public static bool IsHtml(string? mediaType, ReadOnlySpan<byte> body)
    {
        if (mediaType != null && (mediaType.IndexOf("html", StringComparison.OrdinalIgnoreCase) >= 0))
        {
            return true;
        }

        foreach (byte b in body)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            return b == (byte)'<';
        }

        return false;
    }

    /// <summary>"an HTML page titled 'Bad Gateway'", or "an HTML page without a title"; never the page itself.</summary>
    public static string Describe(ReadOnlySpan<byte> body)
    {
        string? title = Find(body);
        return title is null ? "an HTML page without a title" : "an HTML page titled '" + title + "'";
    }

    private static string? Find(ReadOnlySpan<byte> body)
    {
        string text = Encoding.UTF8.GetString(body.Slice(0, Math.Min(body.Length, Scan)).ToArray());
        try
        {
            Match match = s_title.Match(text);
            if (!match.Success)
            {
                return null;
            }

            string title = s_space.Replace(WebUtility.HtmlDecode(match.Groups[1].Value), " ").Trim();
            if (title.Length == 0)
            {
                return null;
            }

            return Redactor.RedactText(title.Length <= MaxLength ? title : title.Substring(0, MaxLength) + "...");
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }
}

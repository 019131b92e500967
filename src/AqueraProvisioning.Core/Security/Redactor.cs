using System;
using System.Text.RegularExpressions;

namespace AqueraProvisioning.Core;

/// <summary>
/// The one place that makes text safe to show. Everything the module logs, and every exception and error detail it
/// builds, goes through here, so a secret that slipped into a body, header or URL is masked before anyone sees it.
/// </summary>
public static class Redactor
{
    /// <summary>What a masked value is replaced with.</summary>
    public const string Mask = "***";

    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(1);

    // JSON members whose values are secrets, in PingOne store configuration, token responses and our own models.
    private static readonly Regex s_jsonSecret = new Regex(
        "(\"(?:ACCESS_TOKEN|BASIC_AUTH_PASSWORD|OAUTH_ACCESS_TOKEN|access_token|refresh_token|id_token|client_secret|password|secret|token)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        s_timeout);

    // Form bodies (the token request) and query strings.
    private static readonly Regex s_formSecret = new Regex(
        "((?:^|[?&\\s])(?:client_secret|access_token|refresh_token|password|token)=)[^&\\s]*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        s_timeout);

    // Authorization headers as they would appear in a dump, and bare scheme + credential pairs. A credential is
    // 12+ characters with a digit or symbol, or 20+ of anything, so prose such as "Bearer Token" or
    // "Basic Authentication" stays readable.
    private static readonly Regex s_authorization = new Regex(
        "((?:Proxy-)?Authorization\\s*[:=]\\s*)[^\\r\\n]*|\\b(Bearer|Basic)\\s+(?=[A-Za-z0-9\\-._~+/]{12,})(?=[A-Za-z0-9\\-._~+/]*[0-9\\-._~+/=]|[A-Za-z0-9\\-._~+/]{20,})[A-Za-z0-9\\-._~+/]+=*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        s_timeout);

    // user:password@ in any URL.
    private static readonly Regex s_urlUserInfo = new Regex(
        "(\\b[a-z][a-z0-9+.-]*://)[^/@\\s]+@",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        s_timeout);

    /// <summary>Masks every secret-looking part of a text: JSON members, form fields, Authorization values, URL user-info.</summary>
    /// <param name="text">Any text that may be shown to a user or written to a log.</param>
    public static string RedactText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        try
        {
            string result = s_jsonSecret.Replace(text, "$1\"" + Mask + "\"");
            result = s_formSecret.Replace(result, "$1" + Mask);
            result = s_authorization.Replace(result, m => m.Groups[1].Success ? m.Groups[1].Value + Mask : m.Groups[2].Value + " " + Mask);
            return s_urlUserInfo.Replace(result, "$1" + Mask + "@");
        }
        catch (RegexMatchTimeoutException)
        {
            // Better to show nothing than to show a secret because a pathological input beat the patterns.
            return "[text withheld: it could not be checked for secrets]";
        }
    }

    /// <summary>Masks the user-info of a URL given as text (the text may not even be a valid URL).</summary>
    /// <param name="url">The URL text.</param>
    public static string RedactUrl(string? url) => RedactText(url);
}

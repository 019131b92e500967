using System;
using System.Globalization;
using System.Linq;

namespace AqueraProvisioning.Core;

/// <summary>Stage 1: is the text a SCIM base URL that credentials may be sent to?</summary>
internal static class UrlCheck
{
    // Endpoints RFC 7644 puts below the base URL: a URL that ends in one was copied one segment too far.
    private static readonly string[] s_resourceSegments = { "Users", "Groups", "ServiceProviderConfig", "Schemas", "ResourceTypes", "Bulk", "Me", ".search" };

    private static readonly char[] s_slash = { '/' };

    private const string CopyHint = "Copy the SCIM URL again from the Aquera application page; it looks like https://api.aquera.io/scim/<tenant>/<application>.";

    public static StageOutcome Run(ProbeState state)
    {
        string text = (state.ScimUrlText ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            return StageOutcome.Failed("The SCIM URL is empty.", ScimProbeReasons.InvalidUrl, CopyHint);
        }

        string shown = Redactor.RedactUrl(text);
        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? url) || url.IsFile || url.IsUnc ||
            !(IsScheme(url, "https") || IsScheme(url, "http")))
        {
            return StageOutcome.Failed("'" + shown + "' is not an absolute http(s) URL.", ScimProbeReasons.InvalidUrl, CopyHint);
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            return StageOutcome.Failed(
                "'" + shown + "' carries a user name or password in the URL.",
                ScimProbeReasons.UserInfo,
                "Credentials in a URL end up in logs and stored configuration; the URL must be the bare SCIM base URL, with the credentials given separately.");
        }

        bool loopback = TransportRules.IsLoopback(url);
        if (IsScheme(url, "http") && !loopback)
        {
            return StageOutcome.Failed(
                "'" + shown + "' uses plain http to " + url.Host + ", so credentials would cross the network unencrypted; nothing was sent.",
                ScimProbeReasons.PlainHttp,
                "Aquera serves SCIM over https only: use the https:// URL.");
        }

        if (!string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment))
        {
            return StageOutcome.Failed("'" + shown + "' has a query or fragment, which a SCIM base URL never has.", ScimProbeReasons.InvalidUrl, CopyHint);
        }

        state.Url = url;
        state.BaseUrl = url.GetLeftPart(UriPartial.Path).TrimEnd('/');
        string facts = string.Format(
            CultureInfo.InvariantCulture,
            "{0}: absolute {1}{2}, host {3}, port {4}.",
            shown,
            url.Scheme,
            IsScheme(url, "http") ? " to this machine" : string.Empty,
            url.Host,
            url.Port);
        string? shape = PathProblem(url);
        return shape is null ? StageOutcome.Passed(facts) : StageOutcome.Warning(facts + " " + shape, ScimProbeReasons.PathShape, CopyHint);
    }

    private static string? PathProblem(Uri url)
    {
        string path = url.AbsolutePath;
        string[] segments = path.Split(s_slash, StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            return "The path is empty, but an Aquera SCIM URL names the tenant and application in its path.";
        }

        string last = segments[segments.Length - 1];
        string? resource = s_resourceSegments.FirstOrDefault(r => string.Equals(r, last, StringComparison.OrdinalIgnoreCase));
        if (resource != null)
        {
            return "The path ends in /" + last + ", a SCIM endpoint, not the base URL before it; requests would go to " + last + "/ServiceProviderConfig.";
        }

        if (path.IndexOf("//", StringComparison.Ordinal) >= 0)
        {
            return "The path contains '//', which many services answer with 404.";
        }

        return path.EndsWith("/", StringComparison.Ordinal) && path.Length > 1
            ? "The path ends in '/': a client that appends /Users to it asks for '//Users', which many services answer with 404; the probe asks without the slash."
            : null;
    }

    private static bool IsScheme(Uri url, string scheme) => string.Equals(url.Scheme, scheme, StringComparison.OrdinalIgnoreCase);
}

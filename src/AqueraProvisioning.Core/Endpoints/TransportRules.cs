using System;
using System.Globalization;
using System.Net;

namespace AqueraProvisioning.Core;

/// <summary>
/// Where requests may go: HTTPS everywhere, plain HTTP only to the local machine (the sandbox), never a URL that
/// carries credentials. There is deliberately no switch to skip certificate validation.
/// </summary>
public static class TransportRules
{
    /// <summary>True when the host is the local machine (127.0.0.0/8, ::1 or localhost).</summary>
    /// <param name="url">An absolute URL.</param>
    public static bool IsLoopback(Uri url)
    {
        if (url is null)
        {
            throw new ArgumentNullException(nameof(url));
        }

        if (url.IsLoopback || string.Equals(url.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(url.Host.Trim('[', ']'), out IPAddress? address) && IPAddress.IsLoopback(address);
    }

    /// <summary>Checks a PingOne API or auth base URL.</summary>
    /// <param name="url">The URL.</param>
    /// <param name="parameterName">The parameter named in the error.</param>
    public static Uri RequireServiceUrl(Uri url, string parameterName)
    {
        RequireTransport(url, parameterName, ErrorIds.InvalidServiceUrl);
        if (!string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment))
        {
            throw Invalid(ErrorIds.InvalidServiceUrl, parameterName, url, "must not have a query or fragment", AqueraInputProblem.Malformed);
        }

        return url;
    }

    /// <summary>Checks an Aquera SCIM base URL and returns it.</summary>
    /// <param name="scimUrl">The URL as the user gave it.</param>
    public static Uri RequireScimUrl(string? scimUrl)
    {
        string text = (scimUrl ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            throw new AqueraValidationException(ErrorIds.InvalidScimUrl, "The SCIM URL is empty.", "ScimUrl", AqueraInputProblem.Empty);
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? url) || url.IsFile || url.IsUnc)
        {
            throw new AqueraValidationException(
                ErrorIds.InvalidScimUrl,
                string.Format(CultureInfo.InvariantCulture, "The SCIM URL '{0}' is not an absolute URL.", Redactor.RedactUrl(text)),
                "ScimUrl",
                AqueraInputProblem.Malformed);
        }

        RequireTransport(url, "ScimUrl", ErrorIds.InvalidScimUrl);
        return url;
    }

    private static void RequireTransport(Uri url, string parameterName, string errorId)
    {
        if (url is null || !url.IsAbsoluteUri)
        {
            throw new AqueraValidationException(errorId, parameterName + " must be an absolute https:// URL.", parameterName, AqueraInputProblem.Malformed);
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            // The URL would be logged and stored; credentials belong in a credential of their own instead.
            throw new AqueraValidationException(
                errorId,
                parameterName + " must not contain a user name or password.",
                parameterName,
                AqueraInputProblem.CarriesUserInfo);
        }

        bool https = string.Equals(url.Scheme, "https", StringComparison.OrdinalIgnoreCase);
        bool http = string.Equals(url.Scheme, "http", StringComparison.OrdinalIgnoreCase);
        if (https || (http && IsLoopback(url)))
        {
            return;
        }

        string reason = http
            ? "uses plain http://, which is allowed only for the local machine (the sandbox); elsewhere only https:// is"
            : "is not an http(s) URL; only https:// is allowed";
        throw Invalid(errorId, parameterName, url, reason, AqueraInputProblem.NotHttps);
    }

    private static AqueraValidationException Invalid(string errorId, string parameterName, Uri url, string reason, AqueraInputProblem problem) =>
        new AqueraValidationException(
            errorId,
            string.Format(CultureInfo.InvariantCulture, "{0} '{1}' {2}.", parameterName, Redactor.RedactUrl(url.OriginalString), reason),
            parameterName,
            problem);
}

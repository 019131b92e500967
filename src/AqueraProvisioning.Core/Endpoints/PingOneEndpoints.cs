using System;
using System.Globalization;

namespace AqueraProvisioning.Core;

/// <summary>
/// The two base URLs a session talks to: the Platform API (ending in <c>/v1</c>) and the auth service
/// (the token URL is <c>{AuthBaseUrl}/{environmentId}/as/token</c>).
/// </summary>
public sealed class PingOneEndpoints
{
    private PingOneEndpoints(Uri apiBaseUrl, Uri authBaseUrl, PingOneRegion? region)
    {
        ApiBaseUrl = apiBaseUrl;
        AuthBaseUrl = authBaseUrl;
        Region = region;
    }

    /// <summary>The API base URL, always ending in <c>/v1/</c>.</summary>
    public Uri ApiBaseUrl { get; }

    /// <summary>The auth base URL, always ending in <c>/</c>.</summary>
    public Uri AuthBaseUrl { get; }

    /// <summary>The region the URLs came from, or null when explicit URLs were given.</summary>
    public PingOneRegion? Region { get; }

    /// <summary>The endpoints of a PingOne region.</summary>
    /// <param name="region">The region.</param>
    public static PingOneEndpoints ForRegion(PingOneRegion region)
    {
        string tld = TopLevelDomain(region);
        return new PingOneEndpoints(
            new Uri("https://api.pingone." + tld + "/v1/"),
            new Uri("https://auth.pingone." + tld + "/"),
            region);
    }

    /// <summary>
    /// Explicit endpoints (a PingOne private host, or the sandbox). Either URL may be null, in which case the
    /// region's URL is used for it. An API URL without a path gets <c>/v1</c> appended.
    /// </summary>
    /// <param name="region">The region that supplies any URL not given.</param>
    /// <param name="apiUrl">The API base URL, or null.</param>
    /// <param name="authUrl">The auth base URL, or null.</param>
    /// <exception cref="AqueraValidationException">A URL is not absolute, not HTTPS (outside loopback), or carries credentials, a query or a fragment.</exception>
    public static PingOneEndpoints Create(PingOneRegion region, Uri? apiUrl, Uri? authUrl)
    {
        PingOneEndpoints regional = ForRegion(region);
        if (apiUrl is null && authUrl is null)
        {
            return regional;
        }

        Uri api = apiUrl is null ? regional.ApiBaseUrl : NormalizeApi(TransportRules.RequireServiceUrl(apiUrl, "ApiUrl"));
        Uri auth = authUrl is null ? regional.AuthBaseUrl : WithTrailingSlash(TransportRules.RequireServiceUrl(authUrl, "AuthUrl"));
        return new PingOneEndpoints(api, auth, apiUrl is null && authUrl is null ? region : (PingOneRegion?)null);
    }

    /// <summary>
    /// Turns a host name as Ping's Terraform provider takes it (<c>PINGONE_API_SERVICE_HOSTNAME</c>,
    /// <c>PINGONE_AUTH_SERVICE_HOSTNAME</c>) into an HTTPS base URL; a value that is already a URL is kept.
    /// </summary>
    /// <param name="hostOrUrl">A host name such as <c>api.pingone.eu</c>, or a full URL.</param>
    /// <param name="parameterName">The name reported when the value is invalid.</param>
    public static Uri FromHostName(string hostOrUrl, string parameterName)
    {
        string value = (hostOrUrl ?? string.Empty).Trim();
        if (value.IndexOf("://", StringComparison.Ordinal) < 0)
        {
            value = "https://" + value;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out Uri? uri))
        {
            throw new AqueraValidationException(
                ErrorIds.InvalidServiceUrl,
                string.Format(CultureInfo.InvariantCulture, "'{0}' is not a valid host name or URL for {1}.", hostOrUrl, parameterName),
                parameterName,
                AqueraInputProblem.Malformed);
        }

        return uri;
    }

    /// <summary>Parses a region code such as <c>NA</c> or <c>eu</c>.</summary>
    /// <param name="code">The region code.</param>
    /// <exception cref="AqueraValidationException">The code is not one of NA, EU, CA, AU, SG, AP.</exception>
    public static PingOneRegion ParseRegion(string? code)
    {
        string value = (code ?? string.Empty).Trim();
        foreach (PingOneRegion region in (PingOneRegion[])Enum.GetValues(typeof(PingOneRegion)))
        {
            if (string.Equals(region.ToString(), value, StringComparison.OrdinalIgnoreCase))
            {
                return region;
            }
        }

        throw new AqueraValidationException(
            ErrorIds.InvalidRegion,
            string.Format(CultureInfo.InvariantCulture, "'{0}' is not a PingOne region code; the codes are NA, EU, CA, AU, SG and AP.", code),
            "Region",
            AqueraInputProblem.Malformed);
    }

    private static string TopLevelDomain(PingOneRegion region) => region switch
    {
        PingOneRegion.NA => "com",
        PingOneRegion.EU => "eu",
        PingOneRegion.CA => "ca",
        PingOneRegion.AU => "com.au",
        PingOneRegion.SG => "sg",
        PingOneRegion.AP => "asia",
        _ => throw new ArgumentOutOfRangeException(nameof(region), region, "Unknown PingOne region."),
    };

    private static Uri NormalizeApi(Uri url)
    {
        string path = url.AbsolutePath.TrimEnd('/');
        return path.Length == 0 ? new Uri(url, "/v1/") : WithTrailingSlash(url);
    }

    private static Uri WithTrailingSlash(Uri url)
    {
        string text = url.GetLeftPart(UriPartial.Path);
        return text.EndsWith("/", StringComparison.Ordinal) ? new Uri(text) : new Uri(text + "/");
    }
}

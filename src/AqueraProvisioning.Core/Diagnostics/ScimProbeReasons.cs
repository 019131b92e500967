namespace AqueraProvisioning.Core;

/// <summary>
/// Stable codes for what a probe stage found, in <see cref="ScimProbeStageResult.Reason"/>: scripts can match them,
/// and the cmdlets add advice by them. A stage that passed cleanly has none.
/// </summary>
public static class ScimProbeReasons
{
    /// <summary>The URL is empty, relative or not http(s).</summary>
    public const string InvalidUrl = "InvalidUrl";

    /// <summary>Plain http to a host other than this machine.</summary>
    public const string PlainHttp = "PlainHttp";

    /// <summary>The URL carries a user name or password.</summary>
    public const string UserInfo = "UserInfo";

    /// <summary>The path does not look like a SCIM base URL.</summary>
    public const string PathShape = "PathShape";

    /// <summary>The host name does not resolve.</summary>
    public const string HostNotFound = "HostNotFound";

    /// <summary>Nothing listens on the port.</summary>
    public const string ConnectionRefused = "ConnectionRefused";

    /// <summary>A network failure other than a refusal or a timeout.</summary>
    public const string NetworkError = "NetworkError";

    /// <summary>The stage did not finish within the probe's time limit.</summary>
    public const string Timeout = "Timeout";

    /// <summary>The certificate chain is not trusted by this machine.</summary>
    public const string CertificateUntrusted = "CertificateUntrusted";

    /// <summary>The certificate has expired or is not valid yet.</summary>
    public const string CertificateExpired = "CertificateExpired";

    /// <summary>The certificate was issued for another host name.</summary>
    public const string CertificateNameMismatch = "CertificateNameMismatch";

    /// <summary>The certificate expires within 30 days.</summary>
    public const string CertificateExpiresSoon = "CertificateExpiresSoon";

    /// <summary>The TLS handshake failed.</summary>
    public const string TlsHandshakeFailed = "TlsHandshakeFailed";

    /// <summary>The checks before HTTP went to the proxy, not to the service itself.</summary>
    public const string ThroughProxy = "ThroughProxy";

    /// <summary>The service answered with a redirect.</summary>
    public const string Redirect = "Redirect";

    /// <summary>An HTML page answered (a proxy, portal or sign-in page).</summary>
    public const string HtmlPage = "HtmlPage";

    /// <summary>A body that is not the SCIM document asked for.</summary>
    public const string NotScim = "NotScim";

    /// <summary>404: no SCIM resource at that path.</summary>
    public const string NotFound = "NotFound";

    /// <summary>ServiceProviderConfig is missing although /Users answers.</summary>
    public const string NoServiceProviderConfig = "NoServiceProviderConfig";

    /// <summary>A 5xx answer.</summary>
    public const string ServerError = "ServerError";

    /// <summary>Another unexpected HTTP status.</summary>
    public const string UnexpectedStatus = "UnexpectedStatus";

    /// <summary>No credentials were given, so authentication was not tried.</summary>
    public const string NoCredentials = "NoCredentials";

    /// <summary>The service answers without asking for credentials.</summary>
    public const string NoAuthenticationRequired = "NoAuthenticationRequired";

    /// <summary>401: the credentials were refused.</summary>
    public const string CredentialsRefused = "CredentialsRefused";

    /// <summary>401, and the service asks for the other scheme (Basic instead of Bearer, or the reverse).</summary>
    public const string WrongScheme = "WrongScheme";

    /// <summary>403: authenticated but not allowed.</summary>
    public const string Forbidden = "Forbidden";

    /// <summary>Accepted, although ServiceProviderConfig does not advertise the scheme used.</summary>
    public const string SchemeNotAdvertised = "SchemeNotAdvertised";

    /// <summary>An earlier stage failed.</summary>
    public const string EarlierStageFailed = "EarlierStageFailed";

    /// <summary>The stage does not apply (TLS over plain http).</summary>
    public const string NotApplicable = "NotApplicable";
}

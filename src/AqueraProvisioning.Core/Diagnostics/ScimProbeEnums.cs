namespace AqueraProvisioning.Core;

/// <summary>The stages of the SCIM endpoint probe, in the order they run.</summary>
public enum ScimProbeStage
{
    /// <summary>The URL itself: absolute https (http only to this machine), no user info, the path's shape.</summary>
    Url,

    /// <summary>The host name resolves.</summary>
    Dns,

    /// <summary>The port accepts a TCP connection.</summary>
    Tcp,

    /// <summary>The TLS handshake and the certificate.</summary>
    Tls,

    /// <summary>An HTTP answer from <c>/ServiceProviderConfig</c> that is SCIM, not a redirect, an HTML page or other JSON.</summary>
    Http,

    /// <summary>The credentials are accepted, and the scheme is one the service advertises.</summary>
    Authentication,

    /// <summary><c>/Users?startIndex=1&amp;count=1</c> returns a SCIM ListResponse; discovery endpoints are reported.</summary>
    ScimRead,
}

/// <summary>How a probe stage ended.</summary>
public enum ScimProbeStatus
{
    /// <summary>The stage found nothing wrong.</summary>
    Passed,

    /// <summary>The stage passed, but found something that may break provisioning or will soon.</summary>
    Warning,

    /// <summary>The stage found what stops the connection from working.</summary>
    Failed,

    /// <summary>The stage did not run: an earlier stage failed, or it does not apply.</summary>
    Skipped,
}

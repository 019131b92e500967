namespace AqueraProvisioning.Sandbox;

/// <summary>
/// What answers a /v1 request in PingOne's place (knob <c>hostileAnswer</c>): the answers a client meets on a real
/// network when a gateway, a proxy or a fault stands between it and PingOne.
/// </summary>
public enum HostileAnswer
{
    /// <summary>PingOne answers.</summary>
    None,

    /// <summary>502 text/html: a gateway's error page, echoing the request's Authorization header.</summary>
    GatewayHtml,

    /// <summary>503 text/html with <c>Retry-After</c> (knob <c>retryAfterSeconds</c>): a gateway in maintenance.</summary>
    UnavailableHtml,

    /// <summary>200 application/json whose JSON stops mid-value (Content-Length matches what is sent).</summary>
    TruncatedJson,

    /// <summary>200 application/json of another shape: members of the wrong types.</summary>
    WrongShape,

    /// <summary>200 text/html: a proxy's sign-in page, echoing the request's Authorization header.</summary>
    Html,

    /// <summary>200 application/json declaring (and sending) 64 MiB.</summary>
    Oversized,

    /// <summary>200 application/json, chunked with no Content-Length, 64 MiB.</summary>
    OversizedChunked,

    /// <summary>502 application/json declaring (and sending) 64 MiB: an error body too large to read.</summary>
    OversizedError,
}

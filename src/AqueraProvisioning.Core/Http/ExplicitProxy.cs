using System;
using System.Net;

namespace AqueraProvisioning.Core;

/// <summary>
/// A proxy that every request goes through, the local machine included: <see cref="WebProxy"/> may bypass
/// loopback, and the session's proxy must be honoured exactly as given.
/// </summary>
internal sealed class ExplicitProxy : IWebProxy
{
    private readonly Uri _address;

    public ExplicitProxy(Uri address, ICredentials? credentials)
    {
        _address = address;
        Credentials = credentials;
    }

    public ICredentials? Credentials { get; set; }

    public Uri GetProxy(Uri destination) => _address;

    public bool IsBypassed(Uri host) => false;
}

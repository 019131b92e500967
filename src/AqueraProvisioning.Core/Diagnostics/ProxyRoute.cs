using System;
using System.Net;

namespace AqueraProvisioning.Core;

/// <summary>
/// Which proxy the shared HTTP client uses for a URL: the session's explicit one, else the system's unless it
/// bypasses the host. The network stages then say what they checked directly and what only the proxy can reach.
/// </summary>
internal static class ProxyRoute
{
    public static Uri? For(Uri target, ProxySettings? sessionProxy)
    {
        if (sessionProxy != null)
        {
            return sessionProxy.Address;
        }

        IWebProxy? system = WebRequest.DefaultWebProxy;
        if (system is null || system.IsBypassed(target))
        {
            return null;
        }

        Uri? proxy = system.GetProxy(target);
        return proxy is null || proxy == target ? null : proxy;
    }
}

using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Threading;

namespace AqueraProvisioning.Core;

/// <summary>
/// The process-wide HttpClient: one per proxy configuration (normally exactly one), so every session and every
/// runspace reuses the same connection pool. Created on first use, never at module import.
/// </summary>
internal static class SharedHttpClients
{
    private static readonly ConcurrentDictionary<string, Lazy<HttpClient>> s_clients = new ConcurrentDictionary<string, Lazy<HttpClient>>(StringComparer.Ordinal);

    /// <summary>How many distinct clients exist (tests prove parallel sessions share one).</summary>
    public static int Count => s_clients.Count;

    public static HttpClient Get(ProxySettings? proxy)
    {
        string key = proxy?.Key ?? "system";
        return s_clients.GetOrAdd(key, _ => new Lazy<HttpClient>(() => Create(proxy), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    private static HttpClient Create(ProxySettings? proxy)
    {
#pragma warning disable CA2000 // the handler lives as long as the process-wide client that owns it
        var handler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        };
#pragma warning restore CA2000

        if (proxy != null)
        {
            handler.UseProxy = true;
            handler.Proxy = new ExplicitProxy(proxy.Address, proxy.Credential);
        }

        // Per-attempt timeouts come from the pipeline's own cancellation, so the client never times out on its own.
        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }
}

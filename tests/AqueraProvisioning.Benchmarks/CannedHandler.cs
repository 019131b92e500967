using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Benchmarks;

/// <summary>
/// An in-memory PingOne: answers a store collection URL with the canned page its cursor names, and any other GET
/// with one canned store. No sockets, so the figures are Core's own work.
/// </summary>
internal sealed class CannedHandler : HttpMessageHandler
{
    private readonly byte[][] _pages;
    private readonly byte[] _store;

    public CannedHandler(int pages)
    {
        _pages = new byte[pages][];
        for (int i = 0; i < pages; i++)
        {
            _pages[i] = CannedStores.Page(i, pages);
        }

        _store = System.Text.Encoding.UTF8.GetBytes(CannedStores.Store(1));
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string query = request.RequestUri!.Query;
        byte[] body = _store;
        if (query.StartsWith("?limit=", StringComparison.Ordinal))
        {
            int cursor = query.IndexOf("&cursor=", StringComparison.Ordinal);
            int page = cursor < 0 ? 0 : int.Parse(query.AsSpan(cursor + 8), NumberStyles.None, CultureInfo.InvariantCulture);
            body = _pages[page];
        }

        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}

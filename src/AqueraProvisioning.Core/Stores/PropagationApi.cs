using System;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core;

/// <summary>The propagation endpoints of one environment, one method per documented operation.</summary>
internal sealed class PropagationApi
{
    public const string ConnectionCheckMediaType = "application/vnd.pingidentity.connection.check+json";

    private readonly HttpPipeline _pipeline;
    private readonly IAccessTokenSource _tokens;
    private readonly Uri _environmentUrl;
    private readonly int _pageSize;

    public PropagationApi(HttpPipeline pipeline, IAccessTokenSource tokens, Uri apiBaseUrl, string environmentId, int pageSize)
    {
        _pipeline = pipeline;
        _tokens = tokens;
        _environmentUrl = new Uri(apiBaseUrl, "environments/" + environmentId + "/");
        _pageSize = pageSize;
    }

    public RetryOptions Retry => _pipeline.Retry;

    public Uri StoresUrl => new Uri(_environmentUrl, "propagation/stores");

    /// <summary>The first page's URL.</summary>
    public Uri FirstPageUrl() => new Uri(_environmentUrl, "propagation/stores?limit=" + _pageSize.ToString(CultureInfo.InvariantCulture));

    /// <summary>One page; <paramref name="pageUrl"/> is the first page's URL or a <c>_links.next.href</c>.</summary>
    public async Task<PropagationStorePage> GetPageAsync(Uri pageUrl, OperationContext context, CancellationToken cancellationToken)
    {
        var request = new PingOneRequest(HttpMethod.Get, pageUrl) { Completion = HttpCompletionOption.ResponseHeadersRead };
        return await SendAsync(request, CoreJson.Default.PropagationStorePage, context, cancellationToken).ConfigureAwait(false)
            ?? new PropagationStorePage();
    }

    public Uri? NextPageUrl(PropagationStorePage page)
    {
        string? href = page.Links?.Next?.Href;
        if (string.IsNullOrEmpty(href))
        {
            return null;
        }

        // A next link must stay on the API host: following it elsewhere would hand the bearer token to a stranger.
        var next = new Uri(_environmentUrl, href);
        return string.Equals(next.GetLeftPart(UriPartial.Authority), _environmentUrl.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase) ? next : null;
    }

    public Task<PropagationStore?> GetAsync(string storeId, OperationContext context, CancellationToken cancellationToken) =>
        SendAsync(new PingOneRequest(HttpMethod.Get, StoreUrl(storeId)), CoreJson.Default.PropagationStore, context, cancellationToken);

    /// <summary>Creates a store; <paramref name="build"/> runs per attempt so secrets are revealed only while sending.</summary>
    public Task<PropagationStore?> CreateAsync(Func<PropagationStore> build, OperationContext context, CancellationToken cancellationToken) =>
        SendAsync(
            new PingOneRequest(HttpMethod.Post, StoresUrl) { Body = () => Serialize(build()), RetryMode = RetryMode.OnlyWhenNotProcessed },
            CoreJson.Default.PropagationStore,
            context,
            cancellationToken);

    public Task<PropagationStore?> ReplaceAsync(string storeId, Func<PropagationStore> build, OperationContext context, CancellationToken cancellationToken) =>
        SendAsync(new PingOneRequest(HttpMethod.Put, StoreUrl(storeId)) { Body = () => Serialize(build()) }, CoreJson.Default.PropagationStore, context, cancellationToken);

    public async Task DeleteAsync(string storeId, OperationContext context, CancellationToken cancellationToken)
    {
        var request = new PingOneRequest(HttpMethod.Delete, StoreUrl(storeId)) { RetryMode = RetryMode.OnlyWhenNotProcessed };
        using HttpResponseMessage response = await _pipeline.SendAsync(request, _tokens, context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The console's Test Connection: a proposed store, sent with the connection-check content type.</summary>
    public async Task<(ConnectionCheckResponse? Body, int Status)> CheckConnectionAsync(Func<PropagationStore> build, OperationContext context, CancellationToken cancellationToken)
    {
        var request = new PingOneRequest(HttpMethod.Post, new Uri(_environmentUrl, "propagation/stores/connection/status"))
        {
            Body = () => Serialize(build()),
            MediaType = ConnectionCheckMediaType,
        };
        using HttpResponseMessage response = await _pipeline.SendAsync(request, _tokens, context, cancellationToken).ConfigureAwait(false);
        return (await ReadAsync(response, CoreJson.Default.ConnectionCheckResponse, request, context, cancellationToken).ConfigureAwait(false), (int)response.StatusCode);
    }

    public Task<PropagationRevision?> CreateRevisionAsync(OperationContext context, CancellationToken cancellationToken) =>
        SendAsync(new PingOneRequest(HttpMethod.Post, new Uri(_environmentUrl, "propagation/revisions")), CoreJson.Default.PropagationRevision, context, cancellationToken);

    internal static string Serialize(PropagationStore store) => JsonSerializer.Serialize(store, CoreJson.Default.PropagationStore);

    private Uri StoreUrl(string storeId) => new Uri(_environmentUrl, "propagation/stores/" + Uri.EscapeDataString(storeId));

    private async Task<T?> SendAsync<T>(PingOneRequest request, JsonTypeInfo<T> type, OperationContext context, CancellationToken cancellationToken)
        where T : class
    {
        using HttpResponseMessage response = await _pipeline.SendAsync(request, _tokens, context, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, type, request, context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads a body under the same rules as the request: Ctrl+C and the per-request timeout also stop a body that
    /// is still arriving (lists are read as they stream).
    /// </summary>
    private async Task<T?> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, PingOneRequest request, OperationContext context, CancellationToken cancellationToken)
        where T : class
    {
        if (request.Completion == HttpCompletionOption.ResponseContentRead)
        {
            // The body is already in memory: nothing left to time out, so no timer per call.
            return await ReadBodyAsync(response, type, cancellationToken).ConfigureAwait(false);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_pipeline.Retry.RequestTimeout);
        try
        {
            return await ReadBodyAsync(response, type, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw PingOneErrors.FromTransportFailure(new TimeoutException("The response body did not arrive within the request timeout.", ex), request, context);
        }
    }

    private static async Task<T?> ReadBodyAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        if (response.Content is null)
        {
            return null;
        }

        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        if (response.Content.Headers.ContentLength == 0)
        {
            return null;
        }

        try
        {
            return await JsonSerializer.DeserializeAsync(stream, type, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException) when (response.Content.Headers.ContentLength is null)
        {
            // An empty chunked body is not JSON; treat it as no body.
            return null;
        }
    }
}

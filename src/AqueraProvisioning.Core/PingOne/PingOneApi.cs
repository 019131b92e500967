using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core;

/// <summary>
/// The PingOne Platform API of one environment, for every resource: URLs under <c>/environments/{id}/</c>, typed
/// requests through the one pipeline, bodies read under Ctrl+C and the request timeout, pages of any collection
/// over <c>_links.next</c>, and the propagation revision.
/// </summary>
internal sealed class PingOneApi
{
    private readonly HttpPipeline _pipeline;
    private readonly IAccessTokenSource _tokens;
    private readonly Uri _environmentUrl;

    public PingOneApi(HttpPipeline pipeline, IAccessTokenSource tokens, Uri apiBaseUrl, string environmentId, int pageSize)
    {
        _pipeline = pipeline;
        _tokens = tokens;
        _environmentUrl = new Uri(apiBaseUrl, "environments/" + environmentId + "/");
        EnvironmentId = environmentId;
        PageSize = pageSize;
    }

    public string EnvironmentId { get; }

    public int PageSize { get; }

    public RetryOptions Retry => _pipeline.Retry;

    /// <summary>What this session has learned about its tenant's undocumented answers.</summary>
    public TenantChoices Choices { get; } = new TenantChoices();

    /// <summary>A URL under the environment, such as <c>propagation/rules</c>.</summary>
    public Uri Url(string path) => new Uri(_environmentUrl, path);

    /// <summary>One item of a collection: <c>{path}/{id}</c>, the id escaped.</summary>
    public Uri Url(string path, string id) => new Uri(_environmentUrl, path + "/" + Uri.EscapeDataString(id));

    /// <summary>The first page of a collection, with the session's page size.</summary>
    public Uri FirstPageUrl(string path) =>
        new Uri(_environmentUrl, path + (path.IndexOf('?') < 0 ? "?limit=" : "&limit=") + PageSize.ToString(CultureInfo.InvariantCulture));

    /// <summary>A page's <c>_links.next.href</c> as a URL, or null for the last page.</summary>
    public Uri? NextPageUrl(string? href)
    {
        if (string.IsNullOrEmpty(href))
        {
            return null;
        }

        // A next link must stay on the API host: following it elsewhere would hand the bearer token to a stranger.
        var next = new Uri(_environmentUrl, href);
        return string.Equals(next.GetLeftPart(UriPartial.Authority), _environmentUrl.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase) ? next : null;
    }

    /// <summary>A body builder for <see cref="PingOneRequest.Body"/>: <paramref name="build"/> runs per attempt, so a secret in it is text only while it is sent.</summary>
    public static Func<string> JsonBody<T>(Func<T> build, JsonTypeInfo<T> type) => () => JsonSerializer.Serialize(build(), type);

    /// <summary>Sends the request and reads its body as <typeparamref name="T"/>; null when the body is empty.</summary>
    public async Task<T?> SendAsync<T>(PingOneRequest request, JsonTypeInfo<T> type, OperationContext context, CancellationToken cancellationToken)
        where T : class
    {
        using HttpResponseMessage response = await _pipeline.SendAsync(request, _tokens, context, cancellationToken).ConfigureAwait(false);
        return await ResponseReader.ReadJsonAsync(response, request, type, context, Retry.RequestTimeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the request and reads its body as JSON of any shape (null when empty), with the status it came with.</summary>
    public async Task<(int Status, JsonElement? Body)> SendForAnyJsonAsync(PingOneRequest request, OperationContext context, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await _pipeline.SendAsync(request, _tokens, context, cancellationToken).ConfigureAwait(false);
        return ((int)response.StatusCode, await ResponseReader.ReadAnyJsonAsync(response, request, context, Retry.RequestTimeout, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Sends the request and ignores any body (a delete).</summary>
    public async Task SendAsync(PingOneRequest request, OperationContext context, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await _pipeline.SendAsync(request, _tokens, context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One page of a collection; <paramref name="pageUrl"/> is null for the first, then each page's <c>Next</c>. The
    /// first page asks for the session's page size, unless PingOne refused that parameter on this kind of list: the
    /// spec declares none on the propagation lists, so the first refusal is answered by asking again without it,
    /// and the session lists that kind without it from then on; the next links are followed as given either way.
    /// </summary>
    public async Task<PingOnePage<T>> GetPageAsync<T>(PingOneCollection<T> collection, Uri? pageUrl, OperationContext context, CancellationToken cancellationToken)
    {
        if (pageUrl != null)
        {
            return await ReadPageAsync(collection, pageUrl, context, cancellationToken).ConfigureAwait(false);
        }

        string choice = Paging.UnparameterisedChoice(collection.EmbeddedName);
        if (Choices.Has(choice))
        {
            return await ReadPageAsync(collection, Url(collection.Path), context, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await ReadPageAsync(collection, FirstPageUrl(collection.Path), context, cancellationToken).ConfigureAwait(false);
        }
        catch (PingOneApiException ex) when (Paging.RefusesPagingParameters(ex))
        {
            Choices.Adopt(choice, context, string.Format(
                CultureInfo.InvariantCulture,
                "PingOne refused the page size on {0} ({1}); this session lists {2} without paging parameters from now on and follows the next links PingOne gives.",
                collection.Path,
                ex.Details.Count > 0 ? string.Join("; ", ex.Details.Select(d => d.ToString())) : ex.ApiMessage,
                collection.EmbeddedName));
            return await ReadPageAsync(collection, Url(collection.Path), context, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<PingOnePage<T>> ReadPageAsync<T>(PingOneCollection<T> collection, Uri pageUrl, OperationContext context, CancellationToken cancellationToken)
    {
        var request = new PingOneRequest(HttpMethod.Get, pageUrl, collection.OwnerKind ?? PingOneResourceKind.Environment, collection.OwnerKind is null ? EnvironmentId : collection.OwnerId);
        using HttpResponseMessage response = await _pipeline.SendAsync(request, _tokens, context, cancellationToken).ConfigureAwait(false);
        using ResponseBytes body = await ResponseReader.ReadBytesAsync(response, request, context, Retry.RequestTimeout, cancellationToken).ConfigureAwait(false);
        if (body.IsBlank())
        {
            return new PingOnePage<T>(Array.Empty<T>(), null);
        }

        (List<T> items, string? next) = ResponseReader.Parse(body, response, request, context, b => PageReader.Read(b.Span, collection));
        return new PingOnePage<T>(items, NextPageUrl(next));
    }

    /// <summary>Every item of a collection, page by page.</summary>
    public Task<IReadOnlyList<T>> ListAllAsync<T>(PingOneCollection<T> collection, OperationContext context, CancellationToken cancellationToken) =>
        Paging.ListAllAsync<T>(next => GetPageAsync(collection, next, context, cancellationToken));

    /// <summary>The first item that matches (for example by name), reading only as many pages as it takes; null when none does.</summary>
    public Task<T?> FindAsync<T>(PingOneCollection<T> collection, Func<T, bool> match, OperationContext context, CancellationToken cancellationToken)
        where T : class =>
        Paging.FindAsync<T>(next => GetPageAsync(collection, next, context, cancellationToken), match);

    /// <summary>True when a GET of the item succeeds, false on a 404; any other failure is thrown.</summary>
    public async Task<bool> ExistsAsync(Uri url, PingOneResourceKind kind, string id, OperationContext context, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(new PingOneRequest(HttpMethod.Get, url, kind, id), context, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (PingOneApiException ex) when (ex.StatusCode == 404)
        {
            return false;
        }
    }

    /// <summary>Creates a propagation revision, so the admin console shows the changes made through the API.</summary>
    public async Task<PropagationRevision> CreateRevisionAsync(OperationContext context, CancellationToken cancellationToken) =>
        await SendAsync(new PingOneRequest(HttpMethod.Post, Url("propagation/revisions"), PingOneResourceKind.Environment, EnvironmentId), CoreJson.Default.PropagationRevision, context, cancellationToken).ConfigureAwait(false)
        ?? new PropagationRevision();
}

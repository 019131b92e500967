using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core;

/// <summary>
/// The propagation store endpoints of one environment, for stores of every type (Aquera, directory, PingOne, ...):
/// one method per documented operation. What a store of a type means is for the callers (Aquera connections,
/// the directory source of a rule).
/// </summary>
internal sealed class PropagationStores
{
    public const string ConnectionCheckMediaType = "application/vnd.pingidentity.connection.check+json";

    private const string Path = "propagation/stores";

    /// <summary>The store collection, items under <c>_embedded.stores</c>.</summary>
    public static readonly PingOneCollection<PropagationStore> Collection = new PingOneCollection<PropagationStore>(Path, "stores", CoreJson.Default.ListPropagationStore);

    public PropagationStores(PingOneApi api)
    {
        Api = api;
    }

    public PingOneApi Api { get; }

    /// <summary>One page of stores of any type; null for the first page, then each page's <c>Next</c>.</summary>
    public Task<PingOnePage<PropagationStore>> GetPageAsync(Uri? pageUrl, OperationContext context, CancellationToken cancellationToken) =>
        Api.GetPageAsync(Collection, pageUrl, context, cancellationToken);

    /// <summary>Every store of any type.</summary>
    public Task<IReadOnlyList<PropagationStore>> ListAllAsync(OperationContext context, CancellationToken cancellationToken) =>
        Api.ListAllAsync(Collection, context, cancellationToken);

    /// <summary>The first store that matches, reading only as many pages as it takes.</summary>
    public Task<PropagationStore?> FindAsync(Func<PropagationStore, bool> match, OperationContext context, CancellationToken cancellationToken) =>
        Api.FindAsync(Collection, match, context, cancellationToken);

    /// <summary>One store of any type; null when the service answered without a body.</summary>
    public Task<PropagationStore?> GetAsync(string storeId, OperationContext context, CancellationToken cancellationToken) =>
        Api.SendAsync(new PingOneRequest(HttpMethod.Get, StoreUrl(storeId), PingOneResourceKind.Store, storeId), CoreJson.Default.PropagationStore, context, cancellationToken);

    /// <summary>True when the store exists, false on a 404.</summary>
    public Task<bool> ExistsAsync(string storeId, OperationContext context, CancellationToken cancellationToken) =>
        Api.ExistsAsync(StoreUrl(storeId), PingOneResourceKind.Store, storeId, context, cancellationToken);

    /// <summary>Creates a store; <paramref name="build"/> runs per attempt so secrets are revealed only while sending.</summary>
    public Task<PropagationStore?> CreateAsync(Func<PropagationStore> build, OperationContext context, CancellationToken cancellationToken) =>
        Api.SendAsync(
            new PingOneRequest(HttpMethod.Post, Api.Url(Path), PingOneResourceKind.Environment, Api.EnvironmentId) { Body = PingOneApi.JsonBody(build, CoreJson.Default.PropagationStore), RetryMode = RetryMode.OnlyWhenNotProcessed },
            CoreJson.Default.PropagationStore,
            context,
            cancellationToken);

    public Task<PropagationStore?> ReplaceAsync(string storeId, Func<PropagationStore> build, OperationContext context, CancellationToken cancellationToken) =>
        Api.SendAsync(
            new PingOneRequest(HttpMethod.Put, StoreUrl(storeId), PingOneResourceKind.Store, storeId) { Body = PingOneApi.JsonBody(build, CoreJson.Default.PropagationStore) },
            CoreJson.Default.PropagationStore,
            context,
            cancellationToken);

    public Task DeleteAsync(string storeId, OperationContext context, CancellationToken cancellationToken) =>
        Api.SendAsync(new PingOneRequest(HttpMethod.Delete, StoreUrl(storeId), PingOneResourceKind.Store, storeId) { RetryMode = RetryMode.OnlyWhenNotProcessed }, context, cancellationToken);

    /// <summary>
    /// The console's Test Connection: a proposed store, sent with the connection-check content type exactly as the
    /// spec's enum lists it, without a charset (the body is UTF-8 JSON all the same).
    /// </summary>
    /// <remarks>The answer's shape is undocumented, so it comes back as it is; <see cref="ConnectionCheckVerdict"/> reads it.</remarks>
    public Task<(int Status, JsonElement? Body)> CheckConnectionAsync(Func<PropagationStore> build, OperationContext context, CancellationToken cancellationToken) =>
        Api.SendForAnyJsonAsync(
            new PingOneRequest(HttpMethod.Post, Api.Url(Path + "/connection/status"), PingOneResourceKind.Environment, Api.EnvironmentId)
            {
                Body = PingOneApi.JsonBody(build, CoreJson.Default.PropagationStore),
                MediaType = ConnectionCheckMediaType,
                Charset = null,
            },
            context,
            cancellationToken);

    internal static string Serialize(PropagationStore store) => JsonSerializer.Serialize(store, CoreJson.Default.PropagationStore);

    private Uri StoreUrl(string storeId) => Api.Url(Path, storeId);
}

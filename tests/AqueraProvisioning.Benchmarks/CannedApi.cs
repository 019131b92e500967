using System;
using System.Net.Http;
using AqueraProvisioning.Core;

namespace AqueraProvisioning.Benchmarks;

/// <summary>Core's real pipeline, API and connection operations over a <see cref="CannedHandler"/>.</summary>
internal sealed class CannedApi : IDisposable
{
    private readonly HttpClient _client;

    public CannedApi(int pages)
    {
#pragma warning disable CA2000 // the client owns the handler
        _client = new HttpClient(new CannedHandler(pages));
#pragma warning restore CA2000
        Api = new PingOneApi(new HttpPipeline(_client, new RetryOptions()), new FixedToken(), CannedStores.ApiUrl, CannedStores.EnvironmentId, CannedStores.PageSize);
        Stores = new PropagationStores(Api);
        Connections = new AqueraConnections(Stores);
    }

    public PingOneApi Api { get; }

    public PropagationStores Stores { get; }

    public AqueraConnections Connections { get; }

    public void Dispose() => _client.Dispose();
}

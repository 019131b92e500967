using System;
using System.Net.Http;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using AqueraProvisioning.Core;
using BenchmarkDotNet.Attributes;

namespace AqueraProvisioning.Benchmarks;

/// <summary>What one request costs Core before and around the wire: building the message and body, and a whole
/// single get through the pipeline (token, message, send to an in-memory handler, JSON read, mapping).</summary>
[MemoryDiagnoser]
public class RequestBenchmarks
{
    private const string Token = "eyJhbGciOiJSUzI1NiJ9.benchmark-token.signature";
    private readonly OperationContext _context = OperationContext.Silent();
    private AqueraConnectionDraft _draft = null!;
    private Uri _storeUrl = null!;
    private Uri _storesUrl = null!;
    private CannedApi _canned = null!;

    /// <summary>One draft with a bearer token, and a pipeline over the in-memory handler.</summary>
    [GlobalSetup]
    public void Setup()
    {
        using var secret = new SecureString();
        foreach (char c in "sandbox-scim-bearer-token-0123456789")
        {
            secret.AppendChar(c);
        }

        _draft = new AqueraConnectionDraft("bench-0001", CannedStores.BaseUrl.Replace("http://", "https://", StringComparison.Ordinal) + "/scim/v2", AqueraCredential.Bearer(secret.Copy()))
        {
            AllowCreate = true,
            AllowUpdate = true,
            AllowDisable = true,
        };
        _storesUrl = new Uri(CannedStores.StoresUrl);
        _storeUrl = new Uri(CannedStores.StoresUrl + "/00000001-1234-5678-0000-000000000001");
        _canned = new CannedApi(pages: 1);
    }

    /// <summary>Disposes the client.</summary>
    [GlobalCleanup]
    public void Cleanup() => _canned.Dispose();

    /// <summary>A GET: PingOneRequest and its HttpRequestMessage with Accept, transaction id and bearer token.</summary>
    [Benchmark]
    public HttpMethod BuildGetMessage()
    {
        var request = new PingOneRequest(HttpMethod.Get, _storeUrl);
        using HttpRequestMessage message = HttpPipeline.Build(request, Token, _context);
        return message.Method;
    }

    /// <summary>A create's body alone: store from the draft (secret revealed) and JSON text.</summary>
    [Benchmark]
    public string SerializeCreateBody() => PropagationStores.Serialize(StoreWriter.FromDraft(_draft, enabled: false));

    /// <summary>A create's whole message: request, store body from the draft, JSON, content and headers.</summary>
    [Benchmark]
    public HttpMethod BuildCreateMessage()
    {
        var request = new PingOneRequest(HttpMethod.Post, _storesUrl) { Body = () => PropagationStores.Serialize(StoreWriter.FromDraft(_draft, enabled: false)) };
        using HttpRequestMessage message = HttpPipeline.Build(request, Token, _context);
        return message.Method;
    }

    /// <summary>Get-AqueraConnection -Id without the network: pipeline, in-memory answer, JSON and mapping.</summary>
    [Benchmark]
    public Task<AqueraConnection> GetOneThroughPipeline() => _canned.Connections.GetAsync("00000001-1234-5678-0000-000000000001", _context, CancellationToken.None);
}

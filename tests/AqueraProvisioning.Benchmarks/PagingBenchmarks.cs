using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using AqueraProvisioning.Core;
using BenchmarkDotNet.Attributes;

namespace AqueraProvisioning.Benchmarks;

/// <summary>Listing through Core against an in-memory handler that returns canned pages of 100 stores.</summary>
[MemoryDiagnoser]
public class PagingBenchmarks
{
    private const int Pages = 20;
    private readonly OperationContext _context = OperationContext.Silent();
    private CannedApi _canned = null!;

    /// <summary>A pipeline over 20 canned pages (2,000 stores).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _canned = new CannedApi(Pages);
    }

    /// <summary>Disposes the client.</summary>
    [GlobalCleanup]
    public void Cleanup() => _canned.Dispose();

    /// <summary>One wire page of stores of any type: PropagationStores.GetPageAsync (request, body read, page parse).</summary>
    [Benchmark]
    public Task GetWirePage() => _canned.Stores.GetPageAsync(null, _context, CancellationToken.None);

    /// <summary>One page of connections, as Get-AqueraConnection reads each page: wire page plus mapping.</summary>
    [Benchmark]
    public Task<PingOnePage<AqueraConnection>> GetConnectionPage() => _canned.Connections.GetPageAsync(null, _context, CancellationToken.None);

    /// <summary>All 2,000 connections, page by page.</summary>
    [Benchmark]
    public Task<IReadOnlyList<AqueraConnection>> ListAll2000() => _canned.Connections.ListAllAsync(_context, CancellationToken.None);
}

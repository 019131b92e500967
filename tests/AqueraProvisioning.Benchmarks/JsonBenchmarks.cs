using System.Text;
using System.Text.Json;
using AqueraProvisioning.Core;
using BenchmarkDotNet.Attributes;

namespace AqueraProvisioning.Benchmarks;

/// <summary>The source-generated serializers on one store and on a page of 100 stores.</summary>
[MemoryDiagnoser]
public class JsonBenchmarks
{
    private byte[] _storeJson = null!;
    private byte[] _pageJson = null!;
    private PropagationStore _store = null!;
    private PropagationStorePage _page = null!;

    /// <summary>Canned wire bodies, and the objects they parse to.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _storeJson = Encoding.UTF8.GetBytes(CannedStores.Store(1));
        _pageJson = CannedStores.Page(0, 20);
        _store = JsonSerializer.Deserialize(_storeJson, CoreJson.Default.PropagationStore)!;
        _page = JsonSerializer.Deserialize(_pageJson, CoreJson.Default.PropagationStorePage)!;
    }

    /// <summary>One store from UTF-8 JSON.</summary>
    [Benchmark]
    public object? DeserializeStore() => JsonSerializer.Deserialize(_storeJson, CoreJson.Default.PropagationStore);

    /// <summary>One store to JSON text (as a PUT body).</summary>
    [Benchmark]
    public string SerializeStore() => PropagationApi.Serialize(_store.ToReplacement());

    /// <summary>A page of 100 stores from UTF-8 JSON.</summary>
    [Benchmark]
    public object? DeserializePage100() => JsonSerializer.Deserialize(_pageJson, CoreJson.Default.PropagationStorePage);

    /// <summary>A page of 100 stores to UTF-8 JSON.</summary>
    [Benchmark]
    public byte[] SerializePage100() => JsonSerializer.SerializeToUtf8Bytes(_page, CoreJson.Default.PropagationStorePage);
}

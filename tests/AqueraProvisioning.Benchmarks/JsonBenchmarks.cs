using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using AqueraProvisioning.Core;
using BenchmarkDotNet.Attributes;

namespace AqueraProvisioning.Benchmarks;

/// <summary>The source-generated serializers on one store, and the page reader and list serializer on a page of 100 stores.</summary>
[MemoryDiagnoser]
public class JsonBenchmarks
{
    private byte[] _storeJson = null!;
    private byte[] _pageJson = null!;
    private PropagationStore _store = null!;
    private List<PropagationStore> _items = null!;

    /// <summary>Canned wire bodies, and the objects they parse to.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _storeJson = Encoding.UTF8.GetBytes(CannedStores.Store(1));
        _pageJson = CannedStores.Page(0, 20);
        _store = JsonSerializer.Deserialize(_storeJson, CoreJson.Default.PropagationStore)!;
        _items = PageReader.Read(_pageJson, PropagationStores.Collection).Items;
    }

    /// <summary>One store from UTF-8 JSON.</summary>
    [Benchmark]
    public object? DeserializeStore() => JsonSerializer.Deserialize(_storeJson, CoreJson.Default.PropagationStore);

    /// <summary>One store to JSON text (as a PUT body).</summary>
    [Benchmark]
    public string SerializeStore() => PropagationStores.Serialize(_store.ToReplacement());

    /// <summary>A page of 100 stores from UTF-8 JSON, as the page reader takes any collection's page apart.</summary>
    [Benchmark]
    public object? DeserializePage100() => PageReader.Read(_pageJson, PropagationStores.Collection).Items;

    /// <summary>The 100 stores of a page to UTF-8 JSON.</summary>
    [Benchmark]
    public byte[] SerializePage100() => JsonSerializer.SerializeToUtf8Bytes(_items, CoreJson.Default.ListPropagationStore);
}

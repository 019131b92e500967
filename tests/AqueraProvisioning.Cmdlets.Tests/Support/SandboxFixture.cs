using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using AqueraProvisioning.Sandbox;
using Xunit;

namespace AqueraProvisioning.Cmdlets.Tests.Support;

/// <summary>
/// One in-process sandbox for the whole collection. Knobs, stores and the request log are changed through its
/// in-memory state; the raw store insert, which has no public in-memory form, goes through the control API.
/// </summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    private SandboxServer? _server;
    private HttpClient? _control;

    public SandboxServer Server => _server ?? throw new InvalidOperationException("The sandbox has not started.");

    public SandboxInfo Info => Server.Info;

    public SandboxState State => Server.State;

    public async Task InitializeAsync()
    {
        _server = await SandboxServer.StartAsync(new SandboxOptions { Port = 0 });
        _control = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = new Uri(Info.ControlUrl + "/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        _control?.Dispose();
        if (_server != null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Back to an empty environment with default knobs; issued tokens stay valid.</summary>
    public void Reset() => State.Reset();

    public void Set(Func<SandboxSettings, SandboxSettings> change) => State.UpdateSettings(change);

    /// <summary>The /v1 and token requests seen since the last reset, oldest first.</summary>
    public IReadOnlyList<RequestLogEntry> Requests() => State.Requests.Snapshot();

    public IReadOnlyList<RequestLogEntry> TokenRequests() => Requests().Where(r => r.Path.EndsWith("/as/token", StringComparison.Ordinal)).ToList();

    public IReadOnlyList<RequestLogEntry> ApiRequests() => Requests().Where(r => r.Path.StartsWith("/v1/", StringComparison.Ordinal)).ToList();

    /// <summary>Plants a store without the API's validation (for example with a configuration key PingOne would refuse).</summary>
    public async Task<string> InsertRawStoreAsync(JsonObject store)
    {
        using var content = new StringContent(store.ToJsonString(), Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await _control!.PostAsync(new Uri("stores", UriKind.Relative), content);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, "raw insert failed: " + text);
        return (string)JsonNode.Parse(text)!["id"]!;
    }
}

[CollectionDefinition(Name)]
public sealed class OneSandbox : ICollectionFixture<SandboxFixture>
{
    public const string Name = "Cmdlets against one sandbox";
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AqueraProvisioning.Core.Tests.Support;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Integration;

/// <summary>
/// The process-wide HttpClient, connection reuse and proxies. These tests count shared clients, so they run in
/// a collection of their own and never beside another proxy-creating test.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TransportGroup : ICollectionFixture<SandboxFixture>
{
    public const string Name = "Transport";
}

[Collection(TransportGroup.Name)]
public class TransportTests : SandboxTestBase
{
    public TransportTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    [Fact]
    public async Task Many_sessions_without_a_proxy_share_one_http_client()
    {
        using (var warmUp = Sandbox.NewSession())
        {
            await warmUp.ConnectAsync(OperationContext.Silent(), CancellationToken.None);
        }

        int before = SharedHttpClients.Count;
        long tokensBefore = State.Counters.TokensIssued;
        var sessions = Enumerable.Range(0, 20).Select(_ => Sandbox.NewSession()).ToList();
        try
        {
            await Task.WhenAll(sessions.Select(s => s.Connections.ListAllAsync(OperationContext.Silent(), CancellationToken.None)));
        }
        finally
        {
            sessions.ForEach(s => s.Dispose());
        }

        Assert.Equal(before, SharedHttpClients.Count);
        Assert.Same(SharedHttpClients.Get(null), SharedHttpClients.Get(null));
        Assert.Equal(20, State.Counters.TokensIssued - tokensBefore);
    }

    [Fact]
    public async Task Fifty_calls_reuse_a_few_connections()
    {
        using var session = Sandbox.NewSession();
        var context = OperationContext.Silent();
        await session.ConnectAsync(context, CancellationToken.None);
        long before = State.Counters.ConnectionsOpened;

        for (int i = 0; i < 50; i++)
        {
            await session.Connections.ListAllAsync(context, CancellationToken.None);
        }

        long opened = State.Counters.ConnectionsOpened - before;
        Assert.Equal(50, ApiRequests().Count);
        Assert.True(opened <= 3, "50 sequential calls opened " + opened + " connections");
    }

    [Fact]
    public async Task A_session_proxy_carries_every_request_including_the_token_request()
    {
        using var proxy = new LoopbackForwardProxy();
        int before = SharedHttpClients.Count;
        using var session = Sandbox.NewSession(s => s.Proxy = new ProxySettings(proxy.Address, null));
        var context = OperationContext.Silent();

        await session.ConnectAsync(context, CancellationToken.None);
        var created = (await session.Connections.CreateAsync(Sandbox.BearerDraft("via-proxy"), skipTest: false, force: false, context, CancellationToken.None)).Connection;
        await session.Connections.GetAsync(created.Id, context, CancellationToken.None);

        IReadOnlyCollection<string> relayed = proxy.RequestLines;
        Assert.Equal(Requests().Count, relayed.Count);
        Assert.Contains("POST " + Info.AuthUrl + "/" + Info.EnvironmentId + "/as/token HTTP/1.1", relayed);
        Assert.Contains("POST " + Info.ApiUrl + "/environments/" + Info.EnvironmentId + "/propagation/stores HTTP/1.1", relayed);
        Assert.Contains("GET " + Info.ApiUrl + "/environments/" + Info.EnvironmentId + "/propagation/stores/" + created.Id + " HTTP/1.1", relayed);
        Assert.Equal(proxy.Address, session.Context.Proxy);
        Assert.Equal(before + 1, SharedHttpClients.Count);
    }

    [Fact]
    public async Task Sessions_with_the_same_proxy_share_its_client_and_sessions_without_do_not_use_it()
    {
        using var proxy = new LoopbackForwardProxy();
        using (var first = Sandbox.NewSession(s => s.Proxy = new ProxySettings(proxy.Address, null)))
        {
            await first.ConnectAsync(OperationContext.Silent(), CancellationToken.None);
        }

        int afterFirst = SharedHttpClients.Count;
        using (var second = Sandbox.NewSession(s => s.Proxy = new ProxySettings(proxy.Address, null)))
        {
            await second.ConnectAsync(OperationContext.Silent(), CancellationToken.None);
        }

        using (var direct = Sandbox.NewSession())
        {
            await direct.ConnectAsync(OperationContext.Silent(), CancellationToken.None);
        }

        Assert.Equal(afterFirst, SharedHttpClients.Count);
        Assert.Equal(2, proxy.RequestLines.Count);
        Assert.Equal(3, Requests().Count);
    }

    [Fact]
    public async Task Eight_parallel_sessions_create_their_own_connections_without_interference()
    {
        int before = SharedHttpClients.Count;
        await Control.SetAsync(new { throttleEveryN = 7, retryAfterSeconds = 0 });

        async Task<IReadOnlyList<string>> RunAsync(int worker)
        {
            using var session = Sandbox.NewSession();
            var context = new OperationContext(null, "worker-" + worker);
            var ids = new List<string>();
            for (int i = 0; i < 3; i++)
            {
                var created = await session.Connections.CreateAsync(Sandbox.BearerDraft($"parallel-{worker}-{i}"), skipTest: true, force: false, context, CancellationToken.None);
                ids.Add(created.Connection.Id);
            }

            return ids;
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(RunAsync));

        Assert.Equal(24, results.SelectMany(r => r).Distinct().Count());
        Assert.Equal(24, State.Stores.Count);
        Assert.All(Enumerable.Range(0, 8), w => Assert.All(Enumerable.Range(0, 3), i => Assert.Equal(1, StoresNamed($"parallel-{w}-{i}"))));
        Assert.Equal(before, SharedHttpClients.Count);
        Assert.All(Requests(), r => Assert.StartsWith("worker-", r.TransactionId, StringComparison.Ordinal));
    }

    [Fact]
    public void Sessions_with_equal_proxy_credentials_share_one_client()
    {
        var proxy = new Uri("http://127.0.0.1:9/");
        using var first = Sandbox.NewSession(s => s.Proxy = new ProxySettings(proxy, new System.Net.NetworkCredential("proxy-user", "proxy-pass")));
        int afterFirst = SharedHttpClients.Count;

        // Each Connect-AqueraPingOne -ProxyCredential builds a new, equal credential; it must not add a client.
        using var second = Sandbox.NewSession(s => s.Proxy = new ProxySettings(proxy, new System.Net.NetworkCredential("proxy-user", "proxy-pass")));

        Assert.Equal(afterFirst, SharedHttpClients.Count);
    }
}

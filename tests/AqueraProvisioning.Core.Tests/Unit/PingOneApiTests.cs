using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using AqueraProvisioning.Core.Tests.Support;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Unit;

public class PingOneApiTests
{
    private const string EnvId = ScriptedApi.EnvironmentId;

    private static PingOneApi Api(HttpMessageHandler handler, int pageSize = 25) =>
        ScriptedApi.Create(handler, pageSize);

    [Fact]
    public void Urls_are_built_under_the_environment()
    {
        PingOneApi api = Api(new ScriptedHandler());

        Assert.Equal("https://api.pingone.eu/v1/environments/" + EnvId + "/propagation/stores?limit=25", api.FirstPageUrl("propagation/stores").AbsoluteUri);
        Assert.Equal("https://api.pingone.eu/v1/environments/" + EnvId + "/users?filter=x&limit=25", api.FirstPageUrl("users?filter=x").AbsoluteUri);
        Assert.Equal("https://api.pingone.eu/v1/environments/" + EnvId + "/propagation/stores", api.Url("propagation/stores").AbsoluteUri);
        Assert.Equal("https://api.pingone.eu/v1/environments/" + EnvId + "/propagation/rules/a%2F..%3Fb", api.Url("propagation/rules", "a/..?b").AbsoluteUri);
    }

    [Fact]
    public void A_next_link_on_the_api_host_is_followed()
    {
        PingOneApi api = Api(new ScriptedHandler());

        Uri? next = api.NextPageUrl("https://api.pingone.eu/v1/environments/" + EnvId + "/propagation/stores?limit=25&cursor=abc");

        Assert.Equal("cursor=abc", next!.Query.Split('&')[1]);
    }

    [Fact]
    public void A_relative_next_link_resolves_against_the_api()
    {
        PingOneApi api = Api(new ScriptedHandler());

        Uri? next = api.NextPageUrl("/v1/environments/" + EnvId + "/propagation/stores?cursor=x");

        Assert.Equal("api.pingone.eu", next!.Host);
    }

    [Theory]
    [InlineData("https://evil.example.test/v1/environments/e/propagation/stores?cursor=x")]
    [InlineData("http://api.pingone.eu:8080/v1/environments/e/propagation/stores?cursor=x")]
    public void A_next_link_to_another_host_is_not_followed_so_the_token_never_leaves(string href)
    {
        Assert.Null(Api(new ScriptedHandler()).NextPageUrl(href));
    }

    [Fact]
    public void No_next_link_is_the_last_page()
    {
        PingOneApi api = Api(new ScriptedHandler());

        Assert.Null(api.NextPageUrl(null));
        Assert.Null(api.NextPageUrl(string.Empty));
    }

    [Fact]
    public async Task Cancelling_while_a_page_body_is_still_arriving_returns_within_a_second()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.OK, null, r => r.Content = new StreamContent(new StalledStream()));
        PingOneApi api = Api(handler);
        using var cts = new CancellationTokenSource();

        Task<PingOnePage<PropagationStore>> reading = api.GetPageAsync(PropagationStores.Collection, null, OperationContext.Silent(), cts.Token);
        await Task.Delay(200);
        cts.Cancel();
        Task finished = await Task.WhenAny(reading, Task.Delay(3000));

        Assert.Same(reading, finished);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
    }

    [Fact]
    public async Task A_404_for_a_rule_is_a_rule_not_found_never_a_connection_not_found()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.NotFound, """{"code":"NOT_FOUND","message":"Unable to find propagation rule with id r-1"}""");
        PingOneApi api = Api(handler);

        var ex = await Assert.ThrowsAsync<PingOneApiException>(() =>
            api.SendAsync(new PingOneRequest(HttpMethod.Get, api.Url("propagation/rules", "r-1"), PingOneResourceKind.Rule, "r-1"), CoreJson.Default.PropagationStore, OperationContext.Silent(), CancellationToken.None));

        Assert.Equal(ErrorIds.RuleNotFound, ex.ErrorId);
        Assert.StartsWith("PingOne has no propagation rule with id r-1:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_404_on_a_collection_names_what_owns_it()
    {
        var handler = new ScriptedHandler()
            .Then(HttpStatusCode.NotFound, """{"code":"NOT_FOUND","message":"Unable to find propagation plan with id p-1"}""")
            .Then(HttpStatusCode.NotFound, """{"code":"NOT_FOUND","message":"Unable to find environment"}""");
        PingOneApi api = Api(handler);
        var planRules = new PingOneCollection<PropagationStore>("propagation/plans/p-1/rules", "rules", CoreJson.Default.ListPropagationStore, PageShapes.Any, PingOneResourceKind.Plan, "p-1");

        var plan = await Assert.ThrowsAsync<PingOneApiException>(() => api.GetPageAsync(planRules, null, OperationContext.Silent(), CancellationToken.None));
        var environment = await Assert.ThrowsAsync<PingOneApiException>(() => api.GetPageAsync(PropagationStores.Collection, null, OperationContext.Silent(), CancellationToken.None));

        Assert.Equal((ErrorIds.PlanNotFound, "p-1"), (plan.ErrorId, plan.ResourceId));
        Assert.Equal((ErrorIds.NotFound, PingOneResourceKind.Environment, EnvId), (environment.ErrorId, environment.ResourceKind, environment.ResourceId));
    }

    [Fact]
    public async Task Existence_is_false_on_a_404_and_any_other_failure_is_thrown()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.OK, "{}").Then(HttpStatusCode.NotFound).Then(HttpStatusCode.Forbidden);
        PingOneApi api = Api(handler);
        Uri url = api.Url("propagation/rules", "r");

        Assert.True(await api.ExistsAsync(url, PingOneResourceKind.Rule, "r", OperationContext.Silent(), CancellationToken.None));
        Assert.False(await api.ExistsAsync(url, PingOneResourceKind.Rule, "r", OperationContext.Silent(), CancellationToken.None));
        var ex = await Assert.ThrowsAsync<PingOneApiException>(() => api.ExistsAsync(url, PingOneResourceKind.Rule, "r", OperationContext.Silent(), CancellationToken.None));
        Assert.Equal(ErrorIds.PermissionDenied, ex.ErrorId);
    }

    /// <summary>A response body whose first bytes never come; only the token passed to a read can stop the wait.</summary>
    private sealed class StalledStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("reads are async only");

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

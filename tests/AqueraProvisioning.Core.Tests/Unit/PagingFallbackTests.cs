using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using AqueraProvisioning.Core.Tests.Support;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Unit;

/// <summary>
/// The spec declares no paging parameter on the propagation lists. A 400 that refuses the page size is answered by
/// asking for the first page again without it, following the next links as given, and the session lists that kind
/// of collection so from then on; any other 400 is an error as before.
/// </summary>
public class PagingFallbackTests
{
    private const string Base = "https://api.pingone.eu/v1/environments/" + ScriptedApi.EnvironmentId + "/";
    private const string LimitRefused = """{"code":"INVALID_DATA","message":"The request could not be completed.","details":[{"code":"INVALID_VALUE","target":"limit","message":"limit is not a query parameter of this collection."}]}""";

    private readonly ScriptedHandler _handler = new();
    private readonly RecordingLog _log = new();

    private static string Page(string name, string? next) =>
        "{\"_embedded\":{\"stores\":[{\"id\":\"" + Guid.NewGuid() + "\",\"name\":\"" + name + "\",\"type\":\"Aquera\"}]}" +
        (next is null ? string.Empty : ",\"_links\":{\"next\":{\"href\":\"" + next + "\"}}") + "}";

    private PingOneApi Api() => ScriptedApi.Create(_handler, pageSize: 50, retry: new RetryOptions { MaxAttempts = 1 });

    [Fact]
    public async Task A_refused_page_size_is_dropped_and_the_next_links_are_followed_as_given()
    {
        _handler.Then(HttpStatusCode.BadRequest, LimitRefused)
            .Then(HttpStatusCode.OK, Page("a", Base + "propagation/stores?cursor=c1"))
            .Then(HttpStatusCode.OK, Page("b", null));
        PingOneApi api = Api();

        var all = await api.ListAllAsync(PropagationStores.Collection, new OperationContext(_log), CancellationToken.None);

        Assert.Equal(new[] { "a", "b" }, all.Select(s => s.Name));
        Assert.Equal(
            new[] { Base + "propagation/stores?limit=50", Base + "propagation/stores", Base + "propagation/stores?cursor=c1" },
            _handler.Urls.Select(u => u.AbsoluteUri));
        string said = Assert.Single(_log.VerboseLines, l => l.StartsWith("PingOne refused the page size", StringComparison.Ordinal));
        Assert.Equal("PingOne refused the page size on propagation/stores (limit: limit is not a query parameter of this collection.); this session lists stores without paging parameters from now on and follows the next links PingOne gives.", said);
    }

    [Fact]
    public async Task The_session_remembers_and_asks_without_the_page_size_from_then_on()
    {
        _handler.Then(HttpStatusCode.BadRequest, LimitRefused).Then(HttpStatusCode.OK, Page("a", null)).Then(HttpStatusCode.OK, Page("a", null));
        PingOneApi api = Api();

        await api.ListAllAsync(PropagationStores.Collection, new OperationContext(_log), CancellationToken.None);
        await api.FindAsync(PropagationStores.Collection, s => s.Name == "a", new OperationContext(_log), CancellationToken.None);

        Assert.Equal(Base + "propagation/stores", _handler.Urls[2].AbsoluteUri);
        Assert.Single(_log.VerboseLines, l => l.StartsWith("PingOne refused the page size", StringComparison.Ordinal));
        Assert.Contains(Paging.UnparameterisedChoice("stores"), api.Choices.Adopted);
    }

    [Fact]
    public async Task A_collection_with_its_own_query_keeps_it_and_drops_only_the_page_size()
    {
        var users = new PingOneCollection<PropagationStore>("users?filter=username%20eq%20%22a%22", "stores", CoreJson.Default.ListPropagationStore);
        _handler.Then(HttpStatusCode.BadRequest, LimitRefused).Then(HttpStatusCode.OK, Page("a", null));

        await Api().ListAllAsync(users, OperationContext.Silent(), CancellationToken.None);

        Assert.Equal(Base + "users?filter=username%20eq%20%22a%22", _handler.Urls[1].AbsoluteUri);
    }

    [Theory]
    [InlineData("""{"code":"INVALID_DATA","details":[{"code":"INVALID_VALUE","target":"cursor"}]}""")]
    [InlineData("""{"code":"INVALID_REQUEST","message":"Unknown query parameter: limit"}""")]
    [InlineData("""{"code":"INVALID_DATA","details":[{"code":"INVALID_VALUE","target":"query","message":"The query parameter 'limit' is not supported."}]}""")]
    public void Other_words_for_the_same_refusal_count_too(string body)
    {
        var failure = Refusal(400, body);

        Assert.True(Paging.RefusesPagingParameters(failure));
    }

    [Theory]
    [InlineData(400, """{"code":"INVALID_DATA","details":[{"code":"INVALID_VALUE","target":"filter"}]}""")]
    [InlineData(400, """{"code":"INVALID_DATA","message":"The limit of 1000 stores is reached."}""")]
    [InlineData(400, """{"code":"INVALID_REQUEST","message":"Unknown query parameter: unlimited"}""")]
    [InlineData(403, """{"code":"ACCESS_FAILED","details":[{"target":"limit"}]}""")]
    public async Task Any_other_refusal_is_an_error_and_nothing_is_sent_again(int status, string body)
    {
        _handler.Then((HttpStatusCode)status, body);

        var ex = await Assert.ThrowsAsync<PingOneApiException>(() => Api().ListAllAsync(PropagationStores.Collection, OperationContext.Silent(), CancellationToken.None));

        Assert.Equal(status, ex.StatusCode);
        Assert.Single(_handler.Urls);
    }

    private static PingOneApiException Refusal(int status, string body)
    {
        var parsed = System.Text.Json.JsonSerializer.Deserialize(body, CoreJson.Default.PingOneErrorBody)!;
        return new PingOneApiException(status, "GET", new Uri(Base + "propagation/stores?limit=50"), parsed.Code, parsed.Message, parsed.Details, null, null);
    }
}

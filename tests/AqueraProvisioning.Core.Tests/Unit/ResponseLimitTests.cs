using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AqueraProvisioning.Core.Tests.Support;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Unit;

/// <summary>
/// No PingOne answer comes near 10 MB: a larger body, success or error, is refused by its Content-Length before a
/// byte is read, or stopped as soon as it passes the limit, and reported as what it is.
/// </summary>
public class ResponseLimitTests
{
    private const string StoreId = "0b7e3b8e-2a7c-4c53-9d0e-6a1b2c3d4e5f";

    private readonly ScriptedHandler _handler = new();
    private readonly EndlessStream _body = new();

    private PropagationStores Stores() => new(ScriptedApi.Create(_handler, retry: new RetryOptions { MaxAttempts = 1 }));

    private Action<HttpResponseMessage> Endless(long? declared) => r =>
    {
        r.Content = new StreamContent(_body);
        r.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        r.Content.Headers.ContentLength = declared;
    };

    [Fact]
    public void The_limit_is_10_MB_in_one_place()
    {
        Assert.Equal(10 * 1024 * 1024, ResponseLimits.MaxBodyBytes);
        Assert.Equal("10 MB", ResponseLimits.Describe());
    }

    [Fact]
    public async Task A_body_that_declares_more_than_the_limit_is_refused_before_a_byte_is_read()
    {
        _handler.Then(HttpStatusCode.OK, null, Endless(1L << 30));

        var ex = await Assert.ThrowsAsync<PingOneApiException>(() => Stores().GetAsync(StoreId, OperationContext.Silent(), CancellationToken.None));

        Assert.Equal(ErrorIds.InvalidResponse, ex.ErrorId);
        Assert.EndsWith("answered 200, but its body is 1073741824 bytes (Content-Length), more than the 10 MB the module reads", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, _body.BytesRead);
    }

    [Fact]
    public async Task A_body_without_a_length_is_stopped_once_it_passes_the_limit()
    {
        _handler.Then(HttpStatusCode.OK, null, Endless(null));

        var ex = await Assert.ThrowsAsync<PingOneApiException>(() => Stores().GetPageAsync(null, OperationContext.Silent(), CancellationToken.None));

        Assert.Equal(ErrorIds.InvalidResponse, ex.ErrorId);
        Assert.EndsWith("answered 200, but its body went on past the 10 MB the module reads", ex.Message, StringComparison.Ordinal);
        Assert.InRange(_body.BytesRead, ResponseLimits.MaxBodyBytes + 1, ResponseLimits.MaxBodyBytes + EndlessStream.Chunk);
    }

    [Fact]
    public async Task A_body_of_exactly_the_limit_is_read()
    {
        string json = "{\"id\":\"" + StoreId + "\",\"name\":\"at the limit\",\"type\":\"Aquera\"}";
        _handler.Then(HttpStatusCode.OK, json + new string(' ', ResponseLimits.MaxBodyBytes - Encoding.UTF8.GetByteCount(json)));

        PropagationStore? store = await Stores().GetAsync(StoreId, OperationContext.Silent(), CancellationToken.None);

        Assert.Equal("at the limit", store!.Name);
    }

    [Theory]
    [InlineData(1L << 30)]
    [InlineData(null)]
    public async Task An_error_body_over_the_limit_is_not_read_and_the_status_still_says_what_failed(long? declared)
    {
        _handler.Then(HttpStatusCode.BadGateway, null, Endless(declared));

        var ex = await Assert.ThrowsAsync<PingOneApiException>(() => Stores().GetAsync(StoreId, OperationContext.Silent(), CancellationToken.None));

        Assert.Equal(ErrorIds.ServiceUnavailable, ex.ErrorId);
        Assert.Equal(502, ex.StatusCode);
        Assert.Contains("failed with 502: Bad Gateway (its body ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("the 10 MB the module reads)", ex.Message, StringComparison.Ordinal);
        Assert.True(_body.BytesRead <= ResponseLimits.MaxBodyBytes + EndlessStream.Chunk, _body.BytesRead + " bytes read");
    }
}

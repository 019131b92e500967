using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AqueraProvisioning.Core.Tests.Support;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Unit;

/// <summary>
/// A success whose body cannot be used (cut short, HTML from a proxy, not JSON, JSON of another shape, a body that
/// breaks off) is one PingOneApiException with AqueraInvalidResponse that says what came, never a raw parser or
/// I/O error and never the page itself.
/// </summary>
public class InvalidResponseTests
{
    private const string EnvId = ScriptedApi.EnvironmentId;
    private const string StoreId = "0b7e3b8e-2a7c-4c53-9d0e-6a1b2c3d4e5f";

    // A proxy's sign-in page: its body echoes things that must never reach an error.
    private const string ProxyPage = """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>
          Corporate Proxy &amp; Gateway: sign in
        </title></head><body>Session cookie: sess=leaked-cookie-7Hq2; Authorization: Bearer leaked-token-9Zx8w7v6u5</body></html>
        """;

    private readonly ScriptedHandler _handler = new();

    private PropagationStores Stores() =>
        new(ScriptedApi.Create(_handler, pageSize: 100, retry: new RetryOptions { MaxAttempts = 1 }));

    private static Action<HttpResponseMessage> Body(string text, string mediaType) => r =>
    {
        r.Content = new StringContent(text, Encoding.UTF8, mediaType);
        r.Headers.Add("Correlation-Id", "corr-7");
    };

    private static OperationContext Context() => new(null, "txn-invalid");

    private Task<PropagationStore?> GetStore() => Stores().GetAsync(StoreId, Context(), CancellationToken.None);

    private async Task<string> GetToken()
    {
        using var tokens = new WorkerTokenProvider(new HttpPipeline(new HttpClient(_handler), new RetryOptions()), new Uri("https://auth.pingone.eu/"), EnvId, EnvId, Secure.From("s3cret-Value-1"), ClientAuthenticationMethod.ClientSecretBasic);
        return await tokens.GetTokenAsync(Context(), CancellationToken.None);
    }

    private Task<PingOnePage<PropagationStore>> GetPage() => Stores().GetPageAsync(null, Context(), CancellationToken.None);

    private static void AssertInvalid(PingOneApiException ex, string method, string? contentType)
    {
        Assert.Equal(ErrorIds.InvalidResponse, ex.ErrorId);
        Assert.True(ex.IsInvalidResponse);
        Assert.Equal(200, ex.StatusCode);
        Assert.Equal(method, ex.Method);
        Assert.StartsWith("https://api.pingone.eu/v1/environments/" + EnvId + "/propagation/stores", ex.RequestUrl.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(contentType, ex.ContentType);
        Assert.Equal("corr-7", ex.CorrelationId);
        Assert.Equal("txn-invalid", ex.TransactionId);
        Assert.False(ex.OutcomeUnknown);
        Assert.StartsWith(method + " /v1/environments/" + EnvId + "/propagation/stores", ex.Message, StringComparison.Ordinal);
        Assert.Contains("answered 200, but", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"id\":\"" + StoreId + "\",\"name\":\"HR\",\"configuration\":{\"SCIM_UR", "application/json", "its JSON could not be read")]
    [InlineData("[{\"id\":\"" + StoreId + "\"}]", "application/json", "its JSON could not be read")]
    [InlineData("{\"id\":\"" + StoreId + "\",\"name\":\"HR\",\"type\":\"Aquera\"}", "text/html", "it is an HTML page without a title, not JSON")]
    [InlineData("OK", "text/plain", "its body is text/plain, not JSON")]
    public async Task One_store_answered_with_a_body_that_is_cut_short_of_another_shape_or_not_JSON_is_an_invalid_response(string body, string mediaType, string says)
    {
        _handler.Then(HttpStatusCode.OK, null, Body(body, mediaType));

        var ex = await Assert.ThrowsAsync<PingOneApiException>(GetStore);

        AssertInvalid(ex, "GET", mediaType);
        Assert.Contains(says, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"_embedded\":{\"stores\":[{\"name\":\"a\",\"type\":\"Aquera\"}]}", "application/hal+json")]
    [InlineData("[{\"name\":\"a\"}]", "application/json")]
    [InlineData("{\"_embedded\":{\"stores\":{\"name\":\"a\"}}}", "application/json")]
    [InlineData("{\"_embedded\":{\"stores\":[{\"name\":\"a\",\"managed\":\"yes\"}]}}", "application/json")]
    [InlineData("{\"_embedded\":{\"stores\":[{\"name\":\"a\",\"createdAt\":\"not a date\"}]}}", "application/json")]
    [InlineData("{\"_embedded\":{\"stores\":[{\"name\":7}]}}", "application/json")]
    public async Task A_page_cut_short_or_of_another_shape_is_an_invalid_response_not_a_short_list(string body, string mediaType)
    {
        _handler.Then(HttpStatusCode.OK, null, Body(body, mediaType));

        var ex = await Assert.ThrowsAsync<PingOneApiException>(GetPage);

        AssertInvalid(ex, "GET", mediaType);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/json")]
    public async Task An_HTML_page_where_PingOne_should_answer_is_named_by_its_title_and_never_quoted(string mediaType)
    {
        _handler.Then(HttpStatusCode.OK, null, Body(ProxyPage, mediaType));

        var ex = await Assert.ThrowsAsync<PingOneApiException>(GetPage);

        AssertInvalid(ex, "GET", mediaType);
        Assert.Contains("an HTML page titled 'Corporate Proxy & Gateway: sign in', not JSON", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("leaked", ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("<body", ex.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_string_where_a_flag_is_expected_is_an_invalid_response()
    {
        _handler.Then(HttpStatusCode.Created, null, Body("{\"id\":\"" + StoreId + "\",\"name\":\"HR\",\"managed\":\"yes\"}", "application/json"));

        var ex = await Assert.ThrowsAsync<PingOneApiException>(() => Stores().CreateAsync(() => new PropagationStore { Name = "HR" }, Context(), CancellationToken.None));

        Assert.Equal(ErrorIds.InvalidResponse, ex.ErrorId);
        Assert.Equal(201, ex.StatusCode);
        Assert.Equal("POST", ex.Method);
        Assert.Contains("$.managed", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"access_token\":\"t-1\",\"token_type\":\"Bearer\",\"expires_in\":\"soon\"}", "$.expires_in")]
    [InlineData("{\"token_type\":\"Bearer\"}", "it holds no access token")]
    public async Task A_token_answer_with_a_string_for_its_lifetime_or_without_a_token_is_an_invalid_response_of_the_token_request(string body, string says)
    {
        _handler.Then(HttpStatusCode.OK, null, Body(body, "application/json"));

        var ex = await Assert.ThrowsAsync<PingOneApiException>(GetToken);

        Assert.Equal(ErrorIds.InvalidResponse, ex.ErrorId);
        Assert.True(ex.IsTokenRequest);
        Assert.Equal("https://auth.pingone.eu/" + EnvId + "/as/token", ex.RequestUrl.AbsoluteUri);
        Assert.Contains(says, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_whose_connection_breaks_mid_body_is_an_invalid_response_not_an_IOException()
    {
        _handler.Then(HttpStatusCode.OK, null, r =>
        {
            r.Content = new StreamContent(new BreakingStream(Encoding.UTF8.GetBytes("{\"_embedded\":{\"stores\":[{\"name\":\"a\"},")));
            r.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            r.Headers.Add("Correlation-Id", "corr-7");
        });

        var ex = await Assert.ThrowsAsync<PingOneApiException>(GetPage);

        AssertInvalid(ex, "GET", "application/json");
        Assert.IsAssignableFrom<IOException>(ex.InnerException);
        Assert.Contains("could not be read to the end", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_answered_with_an_HTML_page_is_summarised_by_its_title()
    {
        _handler.Then(HttpStatusCode.Forbidden, null, Body(ProxyPage, "text/html"));
        var log = new RecordingLog();

        var ex = await Assert.ThrowsAsync<PingOneApiException>(() => Stores().GetAsync(StoreId, new OperationContext(log, "txn-invalid"), CancellationToken.None));

        Assert.Equal(ErrorIds.PermissionDenied, ex.ErrorId);
        Assert.False(ex.IsInvalidResponse);
        Assert.Equal("text/html", ex.ContentType);
        Assert.Contains("Forbidden (an HTML page titled 'Corporate Proxy & Gateway: sign in')", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("leaked", ex + log.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_title_that_holds_a_secret_is_redacted()
    {
        _handler.Then(HttpStatusCode.OK, null, Body("<html><title>Denied for Bearer leaked-token-9Zx8w7v6u5</title></html>", "text/html"));

        var ex = await Assert.ThrowsAsync<PingOneApiException>(GetStore);

        Assert.Contains("Denied for Bearer " + Redactor.Mask, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("leaked", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_body_is_still_no_body_not_an_error()
    {
        _handler.Then(HttpStatusCode.OK, null, r => r.Content = new StreamContent(new MemoryStream()))
            .Then(HttpStatusCode.OK, null, Body("  \n", "application/json"));

        Assert.Null(await GetStore());
        Assert.Empty((await GetPage()).Items);
    }

    [Fact]
    public async Task A_connection_test_answered_by_a_gateway_page_is_an_error_not_a_failed_test()
    {
        _handler.Then(HttpStatusCode.OK, null, Body(ProxyPage, "text/html"));
        var draft = new AqueraConnectionDraft("HR", "https://api.aquera.example.test/scim/t/a", AqueraCredential.Bearer(Secure.From("scim-token-Gh7Lm2Pq9Rs4")));

        var ex = await Assert.ThrowsAsync<PingOneApiException>(() => new AqueraConnections(Stores()).TestAsync(draft, Context(), CancellationToken.None));

        Assert.Equal(ErrorIds.InvalidResponse, ex.ErrorId);
        Assert.Equal("POST", ex.Method);
    }

    /// <summary>A body that gives its bytes and then fails as a reset connection does.</summary>
    private sealed class BreakingStream(byte[] first) : MemoryStream(first)
    {
        public override int Read(byte[] buffer, int offset, int count) => Next(base.Read(buffer, offset, count));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Next(base.Read(buffer, offset, count)));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Next(base.Read(buffer.Span)));

        private static int Next(int read) => read > 0 ? read : throw new IOException("The connection was reset by the peer.");
    }
}

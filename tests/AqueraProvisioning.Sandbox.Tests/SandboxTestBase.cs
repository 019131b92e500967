using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace AqueraProvisioning.Sandbox.Tests;

/// <summary>
/// A fresh in-process sandbox per test (xunit builds one class instance per test), so tests never share state and
/// classes can run in parallel. <see cref="Http"/> already carries a valid bearer token.
/// </summary>
public abstract class SandboxTestBase : IAsyncLifetime
{
    protected SandboxServer Server { get; private set; } = null!;

    protected HttpClient Http { get; } = new();

    protected SandboxInfo Info => Server.Info;

    protected SandboxState State => Server.State;

    protected string StoresUrl => $"{Info.ApiUrl}/environments/{Info.EnvironmentId}/propagation/stores";

    protected string CheckUrl => StoresUrl + "/connection/status";

    protected string RevisionsUrl => $"{Info.ApiUrl}/environments/{Info.EnvironmentId}/propagation/revisions";

    protected string TokenUrl => $"{Info.AuthUrl}/{Info.EnvironmentId}/as/token";

    /// <summary>The environment's base URL; resource paths are relative to it.</summary>
    protected string EnvUrl => $"{Info.ApiUrl}/environments/{Info.EnvironmentId}";

    protected virtual SandboxOptions Options => new();

    public virtual async Task InitializeAsync()
    {
        Server = await SandboxServer.StartAsync(Options);
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await GetTokenAsync());
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }

    protected async Task<string> GetTokenAsync()
    {
        using var client = new HttpClient();
        using var request = TokenRequests.Basic(TokenUrl, Info.ClientId, Info.ClientSecret);
        using var response = await client.SendAsync(request);
        var body = await Json.ReadObjectAsync(response);
        return body["access_token"]!.GetValue<string>();
    }

    /// <summary>Posts JSON with exactly <paramref name="contentType"/> (no charset added), or with no Content-Type when null.</summary>
    protected Task<HttpResponseMessage> PostJsonAsync(string url, JsonNode body, string? contentType = "application/json")
    {
        var content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        return Http.PostAsync(url, content);
    }

    protected Task<HttpResponseMessage> PutJsonAsync(string url, JsonNode body) =>
        Http.PutAsync(url, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    protected Task<HttpResponseMessage> PatchJsonAsync(string url, JsonNode body) =>
        Http.PatchAsync(url, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    /// <summary>GETs <paramref name="url"/> (relative to the environment unless absolute), asserts 200 and returns the body.</summary>
    protected async Task<JsonObject> GetObjectAsync(string url)
    {
        using var response = await Http.GetAsync(Absolute(url));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await Json.ReadObjectAsync(response);
    }

    /// <summary>POSTs JSON to <paramref name="url"/> (relative to the environment unless absolute), asserts 201 and returns the body.</summary>
    protected async Task<JsonObject> CreateAsync(string url, JsonObject body)
    {
        using var response = await PostJsonAsync(Absolute(url), body);
        var created = await Json.ReadObjectAsync(response);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"POST {url}: {(int)response.StatusCode} {created.ToJsonString()}");
        return created;
    }

    /// <summary>An environment-relative path such as <c>users</c> made absolute; absolute URLs pass through.</summary>
    protected string Absolute(string url) => url.StartsWith("http", StringComparison.Ordinal) ? url : $"{EnvUrl}/{url}";

    protected Task<HttpResponseMessage> CheckConnectionAsync(JsonNode body) =>
        PostJsonAsync(CheckUrl, body, "application/vnd.pingidentity.connection.check+json");

    /// <summary>Creates a store through the API and returns the response body.</summary>
    protected async Task<JsonObject> CreateStoreAsync(JsonObject body)
    {
        using var response = await PostJsonAsync(StoresUrl, body);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return await Json.ReadObjectAsync(response);
    }

    protected Task<HttpResponseMessage> ControlPostAsync(string path, JsonNode? body = null) =>
        Http.PostAsync(Info.ControlUrl + path, new StringContent((body ?? new JsonObject()).ToJsonString(), Encoding.UTF8, "application/json"));

    protected async Task SetAsync(JsonObject settings)
    {
        using var response = await ControlPostAsync("/settings", settings);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Asserts PingOne's 404: code NOT_FOUND and a message naming the kind and the id.</summary>
    protected static async Task AssertNotFoundAsync(HttpResponseMessage response, string kind, object id)
    {
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        var error = await Json.ReadObjectAsync(response);
        Assert.Equal("NOT_FOUND", Json.Text(error["code"]));
        Assert.Equal($"Unable to find {kind} with id {id}.", Json.Text(error["message"]));
    }

    protected static Guid IdOf(JsonObject store) => Guid.Parse(store["id"]!.GetValue<string>());
}

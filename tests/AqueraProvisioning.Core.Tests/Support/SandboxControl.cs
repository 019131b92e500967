using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core.Tests.Support;

/// <summary>
/// The sandbox's control API (<c>/__sandbox</c>) over HTTP, as the Pester tests and the demo drive it. It has its
/// own HttpClient so it never touches Core's shared one.
/// </summary>
public sealed class SandboxControl : IDisposable
{
    private readonly HttpClient _http;

    public SandboxControl(Uri controlUrl)
    {
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = controlUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Changes knobs with a partial settings object, for example <c>new { throttleEveryN = 2 }</c>.</summary>
    public async Task<JsonObject> SetAsync(object knobs)
    {
        string json = JsonSerializer.Serialize(knobs);
        return await SendAsync(HttpMethod.Post, "settings", json);
    }

    public Task ResetAsync() => SendAsync(HttpMethod.Post, "reset", null);

    /// <summary>The plan "Default Plan" and the directory store "PingOne Directory", as a console-used environment has them.</summary>
    public Task<JsonObject> SeedConsoleAsync() => SendAsync(HttpMethod.Post, "seed-console", null);

    public Task ExpireTokensAsync() => SendAsync(HttpMethod.Post, "tokens/expire", null);

    public async Task<JsonObject> StatsAsync() => await SendAsync(HttpMethod.Get, "stats", null);

    /// <summary>Creates <paramref name="count"/> valid Aquera stores named prefix + number; returns their ids.</summary>
    public async Task<IReadOnlyList<string>> SeedAsync(int count, string namePrefix)
    {
        JsonObject result = await SendAsync(HttpMethod.Post, "seed", JsonSerializer.Serialize(new { count, namePrefix }));
        return result["ids"]!.AsArray().Select(n => (string)n!).ToList();
    }

    /// <summary>The stored store with its secrets, as the sandbox holds it.</summary>
    public Task<JsonObject> RawGetAsync(string id) => SendAsync(HttpMethod.Get, "stores/" + id, null);

    /// <summary>Plants a store without validation (an unknown key, another type); returns its id.</summary>
    public async Task<string> RawInsertAsync(JsonObject store)
    {
        JsonObject created = await SendAsync(HttpMethod.Post, "stores", store.ToJsonString());
        return (string)created["id"]!;
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, string? json)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json != null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using HttpResponseMessage response = await _http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Sandbox control {method} {path} failed with {(int)response.StatusCode}: {text}");
        }

        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!.AsObject();
    }
}

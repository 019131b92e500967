using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace AqueraProvisioning.Sandbox.Tests;

/// <summary>Direct calls to a fake Aquera SCIM service, with the credentials each test states.</summary>
internal static class ScimCalls
{
    // No default headers: every request states its own SCIM credentials (or none).
    private static readonly HttpClient Client = new();

    public static AuthenticationHeaderValue Bearer(SandboxInfo info) => new("Bearer", info.ScimBearerToken);

    public static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    public static async Task<HttpResponseMessage> SendAsync(SandboxInfo info, HttpMethod method, string path, AuthenticationHeaderValue? authorization, JsonObject? body = null)
    {
        using var request = new HttpRequestMessage(method, info.ScimUrl + path);
        request.Headers.Authorization = authorization;
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/scim+json");
        }

        return await Client.SendAsync(request);
    }
}

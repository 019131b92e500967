using System;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.WebUtilities;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// What the connection check really does: <c>GET {SCIM_URL}/ServiceProviderConfig</c> with the store's
/// credentials. Only loopback hosts are called; no proxy and no redirects, so nothing leaves the machine.
/// </summary>
internal sealed class ScimProbe : IDisposable
{
    private const string ServiceProviderConfigSchema = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";

    private readonly HttpClient http = LoopbackHttp.CreateClient(1024 * 1024);

    public void Dispose() => http.Dispose();

    public async Task<ProbeResult> CheckAsync(StoreContent store, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (store.Type != StoreValidator.Aquera)
        {
            return ProbeResult.Fail($"the sandbox can only test {StoreValidator.Aquera} connections, not {store.Type}");
        }

        // Validation has already guaranteed an absolute http(s) URL.
        var scimUrl = new Uri(store.ConfigurationString(AqueraConfigurationValidator.ScimUrl)!);
        var shown = scimUrl.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        if (!scimUrl.IsLoopback)
        {
            return ProbeResult.Fail($"host {scimUrl.Host} is not reachable from the sandbox");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, ServiceProviderConfigUrl(scimUrl));
        request.Headers.Accept.ParseAdd("application/scim+json");
        request.Headers.Authorization = ScimCredentials.For(store);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, deadline.Token);
            var body = await response.Content.ReadAsStringAsync(deadline.Token);
            return Interpret(response.StatusCode, body, shown);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ProbeResult.Fail("timed out");
        }
        catch (HttpRequestException exception)
        {
            return ProbeResult.Fail(LoopbackHttp.Describe(exception, scimUrl.Host));
        }
    }

    private static Uri ServiceProviderConfigUrl(Uri scimUrl)
    {
        var builder = new UriBuilder(scimUrl) { UserName = string.Empty, Password = string.Empty };
        builder.Path = builder.Path.TrimEnd('/') + "/ServiceProviderConfig";
        return builder.Uri;
    }

    private static ProbeResult Interpret(HttpStatusCode status, string body, string shownUrl) => status switch
    {
        HttpStatusCode.OK when IsServiceProviderConfig(body) => new ProbeResult(true, $"Connection to {shownUrl} succeeded"),
        HttpStatusCode.OK => ProbeResult.Fail("200 OK: the response is not a SCIM ServiceProviderConfig"),
        HttpStatusCode.Unauthorized => ProbeResult.Fail("401 Unauthorized: invalid credentials"),
        HttpStatusCode.Forbidden => ProbeResult.Fail("403 Forbidden: the credentials may not read the SCIM service"),
        HttpStatusCode.NotFound => ProbeResult.Fail("404 Not Found: no SCIM service at that URL"),
        _ => ProbeResult.Fail($"{(int)status} {ReasonPhrases.GetReasonPhrase((int)status)}: unexpected response from the SCIM service"),
    };

    private static bool IsServiceProviderConfig(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("schemas", out var schemas)
                || schemas.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            foreach (var schema in schemas.EnumerateArray())
            {
                if (schema.ValueKind == JsonValueKind.String && schema.GetString() == ServiceProviderConfigSchema)
                {
                    return true;
                }
            }

            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.WebUtilities;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// The sandbox's own SCIM 2.0 client (RFC 7644), for the propagation engine and the dynamic store metadata. It
/// follows the RFC rather than the sandbox's fake service: it sends <c>application/scim+json</c>, accepts
/// <c>application/json</c> answers too, reads RFC 7644 §3.12 error bodies for the reason, and only ever calls
/// loopback hosts (checked before sending and again at connect time).
/// </summary>
internal sealed class ScimClient : IDisposable
{
    public const string MediaType = "application/scim+json";

    /// <summary>What stands in a failure reason where a credential of the connection was.</summary>
    public const string Redacted = "[redacted]";

    private readonly HttpClient http = LoopbackHttp.CreateClient(16 * 1024 * 1024);

    public void Dispose() => http.Dispose();

    public async Task<ScimReply> SendAsync(
        ScimConnection connection,
        HttpMethod method,
        string relative,
        JsonObject? body,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var url = connection.Resolve(relative);
        if (!url.IsLoopback)
        {
            return new ScimReply(0, null, $"host {url.Host} is not reachable from the sandbox");
        }

        using var request = new HttpRequestMessage(method, url);
        request.Headers.Accept.ParseAdd(MediaType);
        request.Headers.Accept.ParseAdd("application/json;q=0.9");
        request.Headers.Authorization = connection.Authorization;
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, MediaType);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, deadline.Token);
            var text = await response.Content.ReadAsStringAsync(deadline.Token);
            var reply = Interpret((int)response.StatusCode, response.Content.Headers.ContentType, text);
            return reply.Failure is null ? reply : reply with { Failure = WithoutCredentials(reply.Failure, connection.Authorization) };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ScimReply(0, null, "the SCIM service did not answer in time");
        }
        catch (HttpRequestException exception)
        {
            return new ScimReply(0, null, LoopbackHttp.Describe(exception, url.Host));
        }
    }

    /// <summary>
    /// <paramref name="reason"/> without the credentials the request carried: a careless service may echo the
    /// Authorization header in its error detail, and the reason travels into PingOne answers (syncStatus, synced-rule
    /// details, the store-metadata error).
    /// </summary>
    private static string WithoutCredentials(string reason, AuthenticationHeaderValue authorization)
    {
        foreach (var secret in Credentials(authorization))
        {
            reason = reason.Replace(secret, Redacted, StringComparison.Ordinal);
        }

        return reason;
    }

    // The decoded pair goes before the password alone, which it contains, so the pair is replaced whole.
    private static IEnumerable<string> Credentials(AuthenticationHeaderValue authorization)
    {
        if (string.IsNullOrEmpty(authorization.Parameter))
        {
            yield break;
        }

        yield return authorization.Parameter;
        if (!authorization.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            yield break;
        }

        var bytes = new byte[authorization.Parameter.Length];
        if (!Convert.TryFromBase64String(authorization.Parameter, bytes, out var length))
        {
            yield break;
        }

        var pair = Encoding.UTF8.GetString(bytes, 0, length);
        yield return pair;
        var colon = pair.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0 && colon < pair.Length - 1)
        {
            yield return pair[(colon + 1)..];
        }
    }

    private static ScimReply Interpret(int status, MediaTypeHeaderValue? contentType, string text)
    {
        var json = IsJsonMediaType(contentType) || (contentType is null && text.Length > 0) ? TryParse(text) : null;
        var prefix = $"{status} {ReasonPhrases.GetReasonPhrase(status)} from the SCIM service: ";
        if (status is >= 200 and < 300)
        {
            if (text.Trim().Length == 0)
            {
                return new ScimReply(status, null, null);
            }

            return json is null
                ? new ScimReply(status, null, prefix + $"the answer is not SCIM JSON (Content-Type {contentType?.MediaType ?? "none"})")
                : new ScimReply(status, json, null);
        }

        var reason = status switch
        {
            401 => "invalid credentials",
            403 => "the credentials are not allowed to do this",
            >= 300 and < 400 => "a redirect, which the sandbox does not follow (the SCIM_URL may point at a sign-in page)",
            _ => ErrorDetail(json) ?? "unexpected response",
        };
        return new ScimReply(status, json, prefix + reason);
    }

    /// <summary>The RFC 7644 §3.12 <c>detail</c>, with the <c>scimType</c> when the service gave one.</summary>
    private static string? ErrorDetail(JsonNode? json)
    {
        if (json is not JsonObject error)
        {
            return null;
        }

        var detail = JsonText.Of(error["detail"]);
        var scimType = JsonText.Of(error["scimType"]);
        return (detail, scimType) switch
        {
            (null, null) => null,
            (null, _) => scimType,
            (_, null) => detail,
            _ => $"{detail} ({scimType})",
        };
    }

    private static bool IsJsonMediaType(MediaTypeHeaderValue? contentType) =>
        contentType?.MediaType is { } type
        && (type.Equals(MediaType, StringComparison.OrdinalIgnoreCase) || type.Equals("application/json", StringComparison.OrdinalIgnoreCase));

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

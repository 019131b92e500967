using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// Knob <c>hostileAnswer</c> (every <c>hostileEveryN</c>th /v1 request): writes, for real over HTTP, what a client
/// meets when something other than PingOne answers. They come before the token check, as a gateway's would.
/// </summary>
internal static class HostileAnswers
{
    public const string GatewayTitle = "502 Bad Gateway";
    public const string UnavailableTitle = "503 Service Temporarily Unavailable";
    /// <summary>The same intercepting proxy that stands in front of the SCIM service in knob <c>scimAnswer</c>.</summary>
    public const string SignInTitle = ScimFaultAnswers.HtmlTitle;

    /// <summary>What the pages carry that a client must never repeat: a gateway session cookie.</summary>
    public const string PageSecret = "gw_session=GW-7Hq2-leaked-cookie-Zx81";

    /// <summary>Far beyond any client's limit, so a client that stopped early is seen to have gone away.</summary>
    public const long OversizedBytes = 64L * 1024 * 1024;

    // Generous because the signal comes from a busy thread pool on a loaded CI machine (250 ms was seen to be too
    // short there); a client that closes ends the wait at once, so only one that read all 64 MiB waits it out.
    private static readonly TimeSpan ClosedConnectionGrace = TimeSpan.FromSeconds(3);

    public static Task WriteAsync(HttpContext context, HostileAnswer answer, SandboxSettings settings)
    {
        switch (answer)
        {
            case HostileAnswer.GatewayHtml:
                return PageAsync(context, StatusCodes.Status502BadGateway, GatewayTitle);
            case HostileAnswer.UnavailableHtml:
                context.Response.Headers.RetryAfter = settings.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return PageAsync(context, StatusCodes.Status503ServiceUnavailable, UnavailableTitle);
            case HostileAnswer.TruncatedJson:
                return TextAsync(context, StatusCodes.Status200OK, "application/json", $$"""{"_embedded":{"stores":[{"id":"{{Guid.NewGuid()}}","name":"cut off he""");
            case HostileAnswer.WrongShape:
                return TextAsync(context, StatusCodes.Status200OK, "application/json", """{"_embedded":{"stores":{"id":"not-a-list"}},"name":42,"status":["ACTIVE"],"configuration":"none"}""");
            case HostileAnswer.Html:
                return PageAsync(context, StatusCodes.Status200OK, SignInTitle);
            case HostileAnswer.Oversized:
                return LargeAsync(context, StatusCodes.Status200OK, declareLength: true);
            case HostileAnswer.OversizedChunked:
                return LargeAsync(context, StatusCodes.Status200OK, declareLength: false);
            default:
                return LargeAsync(context, StatusCodes.Status502BadGateway, declareLength: true);
        }
    }

    private static Task PageAsync(HttpContext context, int status, string title)
    {
        // Pages like these echo what the request carried; a client that quoted one would leak the token.
        var authorization = WebUtility.HtmlEncode(context.Request.Headers.Authorization.ToString());
        return TextAsync(
            context,
            status,
            "text/html; charset=utf-8",
            $"<!DOCTYPE html><html><head><title>{title}</title></head><body><h1>{title}</h1><p>Request: {context.Request.Method} {WebUtility.HtmlEncode(context.Request.Path)}</p><p>Authorization: {authorization}</p><p>Cookie: {PageSecret}</p></body></html>");
    }

    private static Task TextAsync(HttpContext context, int status, string contentType, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        return context.Response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }

    private static async Task LargeAsync(HttpContext context, int status, bool declareLength)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        if (declareLength)
        {
            context.Response.ContentLength = OversizedBytes;
        }

        var chunk = Encoding.ASCII.GetBytes("{\"padding\":\"" + new string('x', (64 * 1024) - 13) + "\"");
        try
        {
            for (long sent = 0; sent < OversizedBytes; sent += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, OversizedBytes - sent)), context.RequestAborted);
            }

            // Kestrel drops the writes to a connection the client has closed and signals RequestAborted a moment
            // later, from the thread pool: wait that moment, so the request log can tell a client that read it all.
            await Task.Delay(ClosedConnectionGrace, context.RequestAborted);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            ClientWentAway(context);
        }
    }

    /// <summary>
    /// The client stopped reading and closed the connection, as one with a size limit should. Marked for the request
    /// log (499) rather than left to the transport's own, later, signal.
    /// </summary>
    private static void ClientWentAway(HttpContext context)
    {
        ObservedRequests.MarkClientGone(context);
        context.Abort();
    }
}

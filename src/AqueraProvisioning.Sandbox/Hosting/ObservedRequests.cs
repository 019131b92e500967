using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace AqueraProvisioning.Sandbox;

/// <summary>Logs, counts and delays /v1 and token requests.</summary>
internal static class ObservedRequests
{
    /// <summary>Status recorded when the client went away before the answer (nginx's "client closed request").</summary>
    public const int ClientClosedRequest = 499;

    private static readonly object ClientGoneKey = new();

    /// <summary>
    /// Records that the client went away mid-answer. Kestrel signals <c>RequestAborted</c> from the thread pool, so an
    /// answer that saw the connection close says so itself, and the log does not race the signal.
    /// </summary>
    public static void MarkClientGone(HttpContext context) => context.Items[ClientGoneKey] = true;

    public static async Task InvokeAsync(HttpContext context, RequestDelegate next, SandboxState state)
    {
        var arrived = DateTimeOffset.UtcNow;
        var arrival = state.Requests.Arrival();
        state.Counters.RequestReceived();
        try
        {
            await DelayThenAsync(context, next, state.Settings.LatencyMs);
        }
        finally
        {
            var request = context.Request;
            state.Requests.Add(new RequestLogEntry(
                request.Method,
                request.Path.Value ?? string.Empty,
                request.QueryString.HasValue ? request.QueryString.Value![1..] : string.Empty,
                context.RequestAborted.IsCancellationRequested || context.Items.ContainsKey(ClientGoneKey) ? ClientClosedRequest : context.Response.StatusCode,
                request.ContentType,
                request.Headers["X-Ping-External-Transaction-ID"].Count > 0 ? request.Headers["X-Ping-External-Transaction-ID"].ToString() : null,
                AuthorizationHeader.IsPresent(request),
                arrived),
                arrival);
        }
    }

    /// <summary>Waits, then runs <paramref name="next"/>; a client that gives up ends the wait (and gets no answer).</summary>
    internal static async Task DelayThenAsync(HttpContext context, RequestDelegate next, int latencyMs)
    {
        if (latencyMs > 0)
        {
            try
            {
                await Task.Delay(latencyMs, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up; stop waiting so the server's resources are freed at once.
                return;
            }
        }

        await next(context);
    }
}

using System.Net.Http;
using System.Net.Sockets;
using System.Threading;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// The only way the sandbox makes HTTP calls of its own (connection check, store metadata, the propagation
/// engine): no proxy, no redirects, no cookies, and a connect step that refuses anything but loopback addresses,
/// so nothing ever leaves the machine. Callers set their own deadline per call.
/// </summary>
internal static class LoopbackHttp
{
    public static HttpClient CreateClient(long maxResponseBytes) => new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        UseCookies = false,
        ConnectCallback = LoopbackConnector.ConnectAsync,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
        MaxResponseContentBufferSize = maxResponseBytes,
    };

    /// <summary>A failed call in words a person can act on.</summary>
    public static string Describe(HttpRequestException exception, string host) =>
        (exception.InnerException as SocketException)?.SocketErrorCode switch
        {
            SocketError.ConnectionRefused => "connection refused",
            SocketError.HostUnreachable => $"host {host} is not reachable from the sandbox",
            SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => $"host {host} could not be resolved",
            _ => exception.HttpRequestError == HttpRequestError.ResponseEnded
                ? "the SCIM service closed the connection without answering"
                : "connection failed: " + exception.HttpRequestError,
        };
}

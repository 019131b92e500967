using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Cmdlets.Tests.Support;

/// <summary>
/// A loopback stand-in for what sits in front of PingOne at some sites: the token endpoint answers as PingOne does,
/// and every API request gets a 200 HTML page (a gateway's sign-in page), which no sandbox knob produces.
/// </summary>
internal sealed class GatewayPage : IDisposable
{
    public const string Title = "Secure Web Gateway: sign in";
    public const string PageSecret = "gateway-cookie-Qw7Zk2Lp9";

    private readonly HttpListener _listener = new();
    private readonly Task _serving;

    public GatewayPage()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        Url = new Uri("http://127.0.0.1:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/");
        _listener.Prefixes.Add(Url.AbsoluteUri);
        _listener.Start();
        _serving = ServeAsync();
    }

    public Uri Url { get; }

    public void Dispose()
    {
        _listener.Stop();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        _listener.Close();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }

            bool token = context.Request.Url!.AbsolutePath.EndsWith("/as/token", StringComparison.Ordinal);
            byte[] body = Encoding.UTF8.GetBytes(token
                ? "{\"access_token\":\"gateway-test-token-0123456789\",\"token_type\":\"Bearer\",\"expires_in\":3600}"
                : "<html><head><title>" + Title + "</title></head><body>Your session " + PageSecret + " has expired.</body></html>");
            context.Response.StatusCode = 200;
            context.Response.ContentType = token ? "application/json" : "text/html; charset=utf-8";
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }
}

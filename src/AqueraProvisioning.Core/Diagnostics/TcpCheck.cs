using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core;

/// <summary>Stage 3: does the port (or, behind a proxy, the proxy's port) accept a connection?</summary>
internal static class TcpCheck
{
    public static async Task<StageOutcome> RunAsync(ProbeState state, CancellationToken cancellationToken)
    {
        Uri url = state.Url!;
        bool viaProxy = state.Proxy != null;
        string host = viaProxy ? state.Proxy!.Host : url.Host;
        int port = viaProxy ? state.Proxy!.Port : url.Port;
        string target = host + ":" + port.ToString(CultureInfo.InvariantCulture);
        try
        {
            using TcpClient client = await ConnectAsync(host, viaProxy ? null : state.Addresses, port, cancellationToken).ConfigureAwait(false);
            string where = client.Client.RemoteEndPoint is IPEndPoint endpoint
                ? new IPEndPoint(endpoint.Address.IsIPv4MappedToIPv6 ? endpoint.Address.MapToIPv4() : endpoint.Address, endpoint.Port).ToString()
                : target;
            return StageOutcome.Passed(viaProxy
                ? "The proxy " + target + " accepts connections (at " + where + "); the service's own port " + url.Port.ToString(CultureInfo.InvariantCulture) + " is reached through it and was not checked directly."
                : target + " accepts connections (at " + where + ").");
        }
        catch (SocketException ex)
        {
            string who = viaProxy ? "The proxy " + target : target;
            if (ex.SocketErrorCode == SocketError.ConnectionRefused)
            {
                return StageOutcome.Failed(
                    who + " refused the connection: nothing listens on that port.",
                    ScimProbeReasons.ConnectionRefused,
                    viaProxy
                        ? "The proxy is down or its address is wrong."
                        : "The port in the SCIM URL is wrong, or the service is down. Aquera serves https on port 443.");
            }

            return StageOutcome.Failed(
                who + " could not be reached: " + ex.Message + ".",
                ScimProbeReasons.NetworkError,
                "A firewall, a missing route or a VPN blocks the way from this machine to the host.");
        }
    }

    /// <summary>Connects to the host's addresses (or its name) and returns the open client; the caller disposes it.</summary>
    internal static async Task<TcpClient> ConnectAsync(string host, System.Collections.Generic.IReadOnlyList<IPAddress>? addresses, int port, CancellationToken cancellationToken)
    {
        var client = new TcpClient { NoDelay = true };
        try
        {
            await Cancellable.RunAsync(
                client,
                () => addresses is { Count: > 0 } ? client.ConnectAsync(addresses.ToArray(), port) : client.ConnectAsync(host, port),
                cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}

using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core;

/// <summary>Stage 2: does the host name resolve on this machine?</summary>
internal static class NameCheck
{
    public static async Task<StageOutcome> RunAsync(ProbeState state, CancellationToken cancellationToken)
    {
        Uri url = state.Url!;
        string host = url.Host.Trim('[', ']');
        if (IPAddress.TryParse(host, out IPAddress? literal))
        {
            state.Addresses = new[] { literal };
            return StageOutcome.Passed(host + " is an IP address; there is nothing to resolve." + ThroughProxy(state, " Requests go through the proxy {0}."));
        }

        IPAddress[] addresses;
        try
        {
            addresses = await Cancellable.WaitAsync(Dns.GetHostAddressesAsync(host), cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException ex)
        {
            bool notFound = ex.SocketErrorCode == SocketError.HostNotFound || ex.SocketErrorCode == SocketError.NoData;
            string detail = host + (notFound ? " does not resolve: DNS knows no such host." : " could not be resolved: " + ex.Message);
            if (state.Proxy != null)
            {
                // Behind a proxy only the proxy has to resolve the name; many networks give clients no public DNS.
                return StageOutcome.Warning(
                    detail + " Requests go through the proxy " + state.Proxy.Authority + ", which resolves it instead.",
                    ScimProbeReasons.ThroughProxy,
                    "Normal on networks where only the proxy resolves public names; the HTTP stage shows whether the proxy reaches the host.");
            }

            return StageOutcome.Failed(
                detail,
                notFound ? ScimProbeReasons.HostNotFound : ScimProbeReasons.NetworkError,
                "The host name in the SCIM URL is misspelt, or this machine's DNS (or VPN) cannot see it. Aquera's SCIM host is api.aquera.io unless the application page says otherwise.");
        }

        state.Addresses = addresses;
        string list = string.Join(", ", addresses.Select(a => a.ToString()));
        return StageOutcome.Passed(host + " resolves to " + list + "." + ThroughProxy(state, " Requests go through the proxy {0}; this lookup was made directly."));
    }

    internal static string ThroughProxy(ProbeState state, string format) =>
        state.Proxy is null ? string.Empty : string.Format(System.Globalization.CultureInfo.InvariantCulture, format, state.Proxy.Authority);
}

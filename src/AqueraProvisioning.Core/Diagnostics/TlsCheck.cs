using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core;

/// <summary>
/// Stage 4: a TLS handshake of its own, to name the protocol and the certificate (subject, issuer, expiry, chain
/// errors). It only looks: nothing is sent over the connection, and a certificate with any error fails the stage.
/// </summary>
internal static class TlsCheck
{
    public static readonly TimeSpan ExpiryWarning = TimeSpan.FromDays(30);

    public static async Task<StageOutcome> RunAsync(ProbeState state, Func<DateTimeOffset> now, CancellationToken cancellationToken)
    {
        Uri url = state.Url!;
        if (!string.Equals(url.Scheme, "https", StringComparison.OrdinalIgnoreCase))
        {
            return StageOutcome.Skipped("Plain http to this machine: there is no TLS to check.", ScimProbeReasons.NotApplicable);
        }

        if (state.Proxy != null)
        {
            return StageOutcome.Skipped(
                "Requests go through the proxy " + state.Proxy.Authority + ", so the handshake happens inside its tunnel; the HTTP stage checks it, with full certificate validation.",
                ScimProbeReasons.ThroughProxy);
        }

        var seen = new SeenCertificate();
        using TcpClient client = await TcpCheck.ConnectAsync(url.Host, state.Addresses, url.Port, cancellationToken).ConfigureAwait(false);

        // The callback accepts whatever comes only to read it; the stage result then refuses any error.
        using var tls = new SslStream(client.GetStream(), false, seen.Capture);
        try
        {
            await Cancellable.RunAsync(tls, () => tls.AuthenticateAsClientAsync(url.IdnHost, null, SslProtocols.None, checkCertificateRevocation: false), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AuthenticationException || ex is IOException)
        {
            return StageOutcome.Failed(
                "The TLS handshake with " + url.Authority + " failed: " + ex.GetBaseException().Message,
                ScimProbeReasons.TlsHandshakeFailed,
                "The port does not speak TLS (plain http on an https port), or the server and this machine share no TLS version or cipher.");
        }

        using X509Certificate2? certificate = seen.Certificate;
        if (certificate is null)
        {
            return StageOutcome.Failed("The TLS handshake with " + url.Authority + " presented no certificate.", ScimProbeReasons.CertificateUntrusted, "A SCIM service must present a certificate.");
        }

        return Judge(url, tls.SslProtocol, certificate, seen, now());
    }

    internal static StageOutcome Judge(Uri url, SslProtocols protocol, X509Certificate2 certificate, SeenCertificate seen, DateTimeOffset now)
    {
        DateTimeOffset notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        DateTimeOffset notBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero);
        string facts = string.Format(
            CultureInfo.InvariantCulture,
            "{0} with {1}; certificate subject {2}, issuer {3}, valid {4:yyyy-MM-dd} to {5:yyyy-MM-dd HH:mm} UTC.",
            ProtocolName(protocol),
            url.Authority,
            certificate.Subject,
            certificate.Issuer,
            notBefore,
            notAfter);
        bool selfSigned = string.Equals(certificate.Subject, certificate.Issuer, StringComparison.Ordinal);

        if (notAfter <= now)
        {
            return StageOutcome.Failed(
                facts + " It expired " + Days(now - notAfter) + " ago." + ChainText(seen),
                ScimProbeReasons.CertificateExpired,
                "The service presents an expired certificate, and PingOne refuses it as well; it must be renewed on the server, or on the load balancer or proxy in front of it.");
        }

        if (notBefore > now)
        {
            return StageOutcome.Failed(
                facts + " It is not valid yet." + ChainText(seen),
                ScimProbeReasons.CertificateExpired,
                "The certificate's validity starts in the future: the server's or this machine's clock is wrong.");
        }

        if ((seen.Errors & SslPolicyErrors.RemoteCertificateChainErrors) != 0 || (seen.Errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            return StageOutcome.Failed(
                facts + " The chain is not trusted" + (selfSigned ? " (the certificate is self-signed)" : string.Empty) + "." + ChainText(seen),
                ScimProbeReasons.CertificateUntrusted,
                selfSigned
                    ? "A self-signed certificate is trusted by no client, PingOne included; the service needs one from a public certificate authority."
                    : "The issuer is not trusted by this machine. If it is your organisation's TLS-inspection proxy, the certificate is replaced on the way here and PingOne sees the real one; otherwise the service presents an incomplete or private chain, which PingOne refuses too.");
        }

        if ((seen.Errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return StageOutcome.Failed(
                facts + " It was not issued for " + url.IdnHost + ".",
                ScimProbeReasons.CertificateNameMismatch,
                "The host name in the SCIM URL is not a name the certificate covers: use the host name the service's certificate is issued for.");
        }

        TimeSpan left = notAfter - now;
        return left < ExpiryWarning
            ? StageOutcome.Warning(
                facts + " It expires in " + Days(left) + ".",
                ScimProbeReasons.CertificateExpiresSoon,
                "Provisioning stops when the certificate expires unless it is renewed on the server before then.")
            : StageOutcome.Passed(facts + " Trusted by this machine.");
    }

    private static string ChainText(SeenCertificate seen) =>
        seen.ChainErrors.Length == 0 ? string.Empty : " Chain: " + string.Join("; ", seen.ChainErrors) + ".";

    private static string Days(TimeSpan span)
    {
        int days = (int)Math.Floor(Math.Abs(span.TotalDays));
        return days == 0
            ? string.Format(CultureInfo.InvariantCulture, "{0:0} hours", Math.Max(1, Math.Abs(span.TotalHours)))
            : string.Format(CultureInfo.InvariantCulture, "{0} day{1}", days, days == 1 ? string.Empty : "s");
    }

    // By value: netstandard2.0 has no Tls13 member, and the older members are flagged as deprecated.
    private static string ProtocolName(SslProtocols protocol) => (int)protocol switch
    {
        12288 => "TLS 1.3",
        3072 => "TLS 1.2",
        768 => "TLS 1.1 (deprecated)",
        192 => "TLS 1.0 (deprecated)",
        _ => protocol.ToString(),
    };

    /// <summary>What the handshake's validation callback saw.</summary>
    internal sealed class SeenCertificate
    {
        public X509Certificate2? Certificate { get; private set; }

        public SslPolicyErrors Errors { get; set; }

        public string[] ChainErrors { get; private set; } = Array.Empty<string>();

        public bool Capture(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
        {
            Certificate = certificate is null ? null : new X509Certificate2(certificate);
            Errors = errors;
            ChainErrors = chain?.ChainStatus
                .Where(s => s.Status != X509ChainStatusFlags.NoError)
                .Select(s => s.Status + ": " + s.StatusInformation.Trim())
                .Distinct()
                .ToArray() ?? Array.Empty<string>();
            return true;
        }
    }
}

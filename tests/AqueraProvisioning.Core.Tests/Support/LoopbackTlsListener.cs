using System;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core.Tests.Support;

/// <summary>
/// An HTTPS listener on 127.0.0.1 with a certificate the test makes: self-signed (untrusted) or expired. It
/// completes TLS handshakes and answers any request with a SCIM-looking 200, so only the certificate can make a
/// client fail. Counts the requests that came through the tunnel.
/// </summary>
internal sealed class LoopbackTlsListener : LoopbackTcpServer
{
    private const string Answer = "HTTP/1.1 200 OK\r\nContent-Type: application/scim+json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}";
    private readonly X509Certificate2 _certificate;
    private int _requests;

    public LoopbackTlsListener(DateTimeOffset notBefore, DateTimeOffset notAfter, string subject = "CN=localhost")
    {
        _certificate = Create(subject, notBefore, notAfter);
        StartAccepting();
    }

    public string ScimUrl => "https://localhost:" + Port.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/scim/v2";

    /// <summary>Requests read after a completed handshake: a client that refused the certificate sent none.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public static LoopbackTlsListener SelfSigned() => new(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(90));

    public static LoopbackTlsListener Expired() => new(DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(-2));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _certificate.Dispose();
        }
    }

    private static X509Certificate2 Create(string subject, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using RSA key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using X509Certificate2 created = request.CreateSelfSigned(notBefore, notAfter);

        // A round trip through PKCS#12 gives a key that SslStream can use on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }

    protected override async Task ServeAsync(TcpClient client)
    {
        try
        {
            using var tls = new SslStream(client.GetStream());
            await tls.AuthenticateAsServerAsync(_certificate);
            var buffer = new byte[4096];
            if (await tls.ReadAsync(buffer, Stopping.Token) > 0)
            {
                Interlocked.Increment(ref _requests);
                await tls.WriteAsync(System.Text.Encoding.ASCII.GetBytes(Answer), Stopping.Token);
            }
        }
        catch (Exception)
        {
            // A client that refuses the certificate aborts the handshake; that is the point of the listener.
        }
    }
}

using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core.Tests.Support;

/// <summary>
/// A careless SCIM service on loopback: every request is answered 401 with a SCIM error whose detail repeats the
/// Authorization header it was sent, so a test can prove the probe never shows a secret a server echoes.
/// </summary>
internal sealed class EchoingScimService : LoopbackTcpServer
{
    public EchoingScimService()
    {
        ScimUrl = "http://127.0.0.1:" + Port.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/scim/v2";
        StartAccepting();
    }

    public string ScimUrl { get; }

    protected override async Task ServeAsync(TcpClient client)
    {
        try
        {
            using var reader = new StreamReader(client.GetStream(), Encoding.ASCII, false, 1024, leaveOpen: true);
            string authorization = string.Empty;
            string? line;
            while (!string.IsNullOrEmpty(line = await reader.ReadLineAsync(Stopping.Token)))
            {
                if (line.StartsWith("Authorization:", StringComparison.OrdinalIgnoreCase))
                {
                    authorization = line.Substring("Authorization:".Length).Trim();
                }
            }

            string body = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"401\",\"detail\":\"Refused " + authorization + "\"}";
            string answer = "HTTP/1.1 401 Unauthorized\r\nContent-Type: application/scim+json\r\nWWW-Authenticate: Bearer realm=\"echo " + authorization + "\"\r\nContent-Length: " +
                Encoding.UTF8.GetByteCount(body).ToString(System.Globalization.CultureInfo.InvariantCulture) + "\r\nConnection: close\r\n\r\n" + body;
            byte[] bytes = Encoding.UTF8.GetBytes(answer);
            await client.GetStream().WriteAsync(bytes, Stopping.Token);
        }
        catch (Exception)
        {
            // The probe's TCP stage connects and closes without a request; nothing to answer then.
        }
    }
}

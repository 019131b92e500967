using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core.Tests.Support;

/// <summary>
/// A minimal HTTP/1.1 forward proxy on loopback: it takes absolute-form requests
/// (<c>GET http://127.0.0.1:port/path HTTP/1.1</c>), relays each to its target with <c>Connection: close</c>,
/// copies the answer back and closes. Enough to prove that a client really sends its requests through it.
/// </summary>
internal sealed class LoopbackForwardProxy : LoopbackTcpServer
{
    private readonly ConcurrentQueue<string> _requestLines = new();

    public LoopbackForwardProxy()
    {
        Address = new Uri("http://127.0.0.1:" + Port.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/");
        StartAccepting();
    }

    public Uri Address { get; }

    /// <summary>Every request line the proxy relayed, such as <c>POST http://127.0.0.1:5123/.../as/token HTTP/1.1</c>.</summary>
    public IReadOnlyCollection<string> RequestLines => _requestLines.ToArray();

    protected override async Task ServeAsync(TcpClient client)
    {
        try
        {
            NetworkStream downstream = client.GetStream();
            (string head, byte[] leftover) = await ReadHeadAsync(downstream);
            string[] lines = head.Split("\r\n");
            string[] requestLine = lines[0].Split(' ');
            var target = new Uri(requestLine[1], UriKind.Absolute);
            _requestLines.Enqueue(lines[0]);

            int contentLength = 0;
            var upstreamHead = new StringBuilder();
            upstreamHead.Append(requestLine[0]).Append(' ').Append(target.PathAndQuery).Append(' ').Append(requestLine[2]).Append("\r\n");
            for (int i = 1; i < lines.Length; i++)
            {
                string line = lines[i];
                if (line.Length == 0)
                {
                    continue;
                }

                string name = line.Substring(0, line.IndexOf(':', StringComparison.Ordinal));
                if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    contentLength = int.Parse(line.Substring(name.Length + 1).Trim(), System.Globalization.CultureInfo.InvariantCulture);
                }

                if (name.Equals("Connection", StringComparison.OrdinalIgnoreCase) || name.Equals("Proxy-Connection", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                upstreamHead.Append(line).Append("\r\n");
            }

            upstreamHead.Append("Connection: close\r\n\r\n");
            byte[] body = new byte[contentLength];
            int have = Math.Min(leftover.Length, contentLength);
            Array.Copy(leftover, body, have);
            while (have < contentLength)
            {
                int read = await downstream.ReadAsync(body.AsMemory(have, contentLength - have), Stopping.Token);
                if (read == 0)
                {
                    return;
                }

                have += read;
            }

            using var upstreamClient = new TcpClient();
            await upstreamClient.ConnectAsync(target.Host, target.Port, Stopping.Token);
            NetworkStream upstream = upstreamClient.GetStream();
            await upstream.WriteAsync(Encoding.ASCII.GetBytes(upstreamHead.ToString()), Stopping.Token);
            await upstream.WriteAsync(body, Stopping.Token);
            await upstream.CopyToAsync(downstream, Stopping.Token);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or FormatException or UriFormatException or ArgumentException)
        {
            // A client that went away or sent garbage: nothing to relay.
        }
    }

    private async Task<(string Head, byte[] Leftover)> ReadHeadAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var chunk = new byte[4096];
        while (true)
        {
            int read = await stream.ReadAsync(chunk, Stopping.Token);
            if (read == 0)
            {
                throw new IOException("The client closed the connection before a full request head.");
            }

            buffer.AddRange(chunk.AsSpan(0, read).ToArray());
            byte[] all = buffer.ToArray();
            int end = IndexOfHeadEnd(all);
            if (end >= 0)
            {
                return (Encoding.ASCII.GetString(all, 0, end), all.AsSpan(end + 4).ToArray());
            }
        }
    }

    private static int IndexOfHeadEnd(byte[] data)
    {
        for (int i = 0; i + 3 < data.Length; i++)
        {
            if (data[i] == '\r' && data[i + 1] == '\n' && data[i + 2] == '\r' && data[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}

using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core.Tests.Support;

/// <summary>
/// A test server on 127.0.0.1 and a free port: accepts connections until disposed and hands each to
/// <see cref="ServeAsync"/> on the thread pool. The proxy, TLS and echoing test servers share it.
/// </summary>
internal abstract class LoopbackTcpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private Task _accepting = Task.CompletedTask;

    protected LoopbackTcpServer()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
    }

    public int Port { get; }

    /// <summary>Cancelled when the server is disposed.</summary>
    protected CancellationTokenSource Stopping { get; } = new();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Call at the end of the derived constructor, once the fields ServeAsync needs are set.</summary>
    protected void StartAccepting() => _accepting = AcceptLoopAsync();

    /// <summary>Serves one connection; the caller disposes the client afterwards.</summary>
    protected abstract Task ServeAsync(TcpClient client);

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        Stopping.Cancel();
        _listener.Stop();
        try
        {
            _accepting.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        Stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!Stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(Stopping.Token);
            }
            catch (Exception) when (Stopping.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                using (client)
                {
                    await ServeAsync(client);
                }
            });
        }
    }
}

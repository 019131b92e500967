using System.Threading;

namespace AqueraProvisioning.Sandbox;

/// <summary>Counters behind <c>GET /__sandbox/stats</c>; reset sets them back to zero.</summary>
public sealed class SandboxCounters
{
    private long connectionsOpened;
    private long requests;
    private long tokensIssued;

    /// <summary>TCP connections Kestrel accepted (including the sandbox's own connection-check calls to its SCIM service).</summary>
    public long ConnectionsOpened => Interlocked.Read(ref connectionsOpened);

    /// <summary>/v1 and token requests received.</summary>
    public long Requests => Interlocked.Read(ref requests);

    /// <summary>Access tokens issued.</summary>
    public long TokensIssued => Interlocked.Read(ref tokensIssued);

    internal void ConnectionOpened() => Interlocked.Increment(ref connectionsOpened);

    internal void RequestReceived() => Interlocked.Increment(ref requests);

    internal void TokenIssued() => Interlocked.Increment(ref tokensIssued);

    internal void Reset()
    {
        Interlocked.Exchange(ref connectionsOpened, 0);
        Interlocked.Exchange(ref requests, 0);
        Interlocked.Exchange(ref tokensIssued, 0);
    }
}

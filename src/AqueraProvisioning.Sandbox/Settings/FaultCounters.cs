using System.Threading;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// Counting behind the fault knobs. Interlocked so that concurrent clients still see exactly every Nth request
/// fail; the every-Nth counts restart whenever the settings change, so a test knows which request will fail.
/// </summary>
public sealed class FaultCounters
{
    private int throttleCount;
    private int unavailableCount;
    private int hostileCount;
    private int commitThenFailRemaining;

    /// <summary>How many of the next store creates will still be committed and then answered 503.</summary>
    public int CommitThenFailCreatesRemaining => Volatile.Read(ref commitThenFailRemaining);

    /// <summary>Makes the next <paramref name="count"/> store creates commit and then answer 503.</summary>
    /// <param name="count">Number of creates to fail that way; 0 disarms.</param>
    public void ArmCommitThenFailCreates(int count) => Interlocked.Exchange(ref commitThenFailRemaining, count);

    internal bool NextIsThrottled(int everyN) => Hits(ref throttleCount, everyN);

    internal bool NextIsUnavailable(int everyN) => Hits(ref unavailableCount, everyN);

    internal bool NextIsHostile(int everyN) => Hits(ref hostileCount, everyN);

    internal bool TryConsumeCommitThenFail()
    {
        while (true)
        {
            var remaining = Volatile.Read(ref commitThenFailRemaining);
            if (remaining <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref commitThenFailRemaining, remaining - 1, remaining) == remaining)
            {
                return true;
            }
        }
    }

    internal void RestartEveryNthCounting()
    {
        Interlocked.Exchange(ref throttleCount, 0);
        Interlocked.Exchange(ref unavailableCount, 0);
        Interlocked.Exchange(ref hostileCount, 0);
    }

    internal void Reset()
    {
        RestartEveryNthCounting();
        ArmCommitThenFailCreates(0);
    }

    private static bool Hits(ref int counter, int everyN) =>
        everyN > 0 && Interlocked.Increment(ref counter) % everyN == 0;
}

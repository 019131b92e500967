using System;
using System.Diagnostics;
using System.Threading;

namespace AqueraProvisioning.Cmdlets.Tests.Support;

/// <summary>Polls for a condition that another thread (the cmdlet, the sandbox) makes true.</summary>
internal static class Wait
{
    public static T For<T>(Func<T?> probe, string what, int timeoutMs = 10_000)
        where T : class
    {
        var watch = Stopwatch.StartNew();
        while (watch.ElapsedMilliseconds < timeoutMs)
        {
            if (probe() is { } value)
            {
                return value;
            }

            Thread.Sleep(20);
        }

        throw new TimeoutException("Timed out after " + timeoutMs + " ms waiting for " + what + ".");
    }

    public static void Until(Func<bool> condition, string what, int timeoutMs = 10_000) =>
        For(() => condition() ? string.Empty : null, what, timeoutMs);
}

using System;
using System.Globalization;
using System.Net.Http;
using System.Threading;

namespace AqueraProvisioning.Core;

/// <summary>How long to wait before the next attempt: Retry-After when the service gives one, else backoff with jitter.</summary>
internal static class RetryDelay
{
    private static int s_seed = Environment.TickCount;

    [ThreadStatic]
    private static Random? t_random;

    public static TimeSpan Backoff(int failedAttempts, RetryOptions options)
    {
        double baseMs = options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, failedAttempts - 1));
        double capped = Math.Min(baseMs, options.MaxDelay.TotalMilliseconds);

        // Full jitter between half and all of the delay keeps parallel runbooks from retrying in lockstep.
        t_random ??= new Random(Interlocked.Increment(ref s_seed));
#pragma warning disable CA5394 // jitter needs no cryptographic randomness
        double jittered = (capped / 2) + (t_random.NextDouble() * capped / 2);
#pragma warning restore CA5394
        return TimeSpan.FromMilliseconds(jittered);
    }

    /// <summary>Reads Retry-After as delta-seconds or as an HTTP date, capped at the longest single wait; null when absent or unreadable.</summary>
    public static TimeSpan? FromRetryAfter(HttpResponseMessage response, DateTimeOffset now, RetryOptions options)
    {
        TimeSpan? wait = Requested(response, now);
        return wait > options.MaxDelay ? options.MaxDelay : wait;
    }

    /// <summary>The wait Retry-After asks for, as the service gave it (never negative); null when absent or unreadable.</summary>
    public static TimeSpan? Requested(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        TimeSpan? wait = null;
        if (header?.Delta is TimeSpan delta)
        {
            wait = delta;
        }
        else if (header?.Date is DateTimeOffset date)
        {
            wait = date - now;
        }
        else if (response.Headers.TryGetValues("Retry-After", out var raw))
        {
            foreach (string value in raw)
            {
                if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && !double.IsNaN(seconds))
                {
                    // A year stands for anything longer; TimeSpan would overflow on a silly number.
                    wait = TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.FromDays(365).TotalSeconds));
                }
            }
        }

        if (wait is null)
        {
            return null;
        }

        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }
}

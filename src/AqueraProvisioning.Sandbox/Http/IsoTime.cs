using System;
using System.Globalization;

namespace AqueraProvisioning.Sandbox;

/// <summary>PingOne's timestamp format: ISO-8601 UTC with milliseconds (yyyy-MM-dd'T'HH:mm:ss.SSS'Z').</summary>
internal static class IsoTime
{
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Now, truncated to the milliseconds the format shows, so a value read back compares equal.</summary>
    public static DateTimeOffset Now()
    {
        var now = DateTimeOffset.UtcNow;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }

    /// <summary>
    /// Now, or one millisecond after <paramref name="previous"/> when that is not earlier: an <c>updatedAt</c> (or a
    /// <c>lastSyncAt</c>) must visibly move even when two writes land within the same millisecond.
    /// </summary>
    public static DateTimeOffset After(DateTimeOffset previous)
    {
        var now = Now();
        return now > previous ? now : previous.AddMilliseconds(1);
    }
}

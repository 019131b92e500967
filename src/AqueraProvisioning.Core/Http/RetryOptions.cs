using System;

namespace AqueraProvisioning.Core;

/// <summary>
/// How the one HTTP pipeline retries and times out. The defaults suit an unattended runbook against a
/// rate-limited tenant: up to 8 attempts within 5 minutes, backoff from 1 s doubling to at most 30 s.
/// </summary>
public sealed class RetryOptions
{
    /// <summary>Attempts per request, the first included (1 = never retry).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The time budget for one request across all its attempts and waits.</summary>
    public TimeSpan MaxRetryDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The first backoff delay; each retry doubles it, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest single wait, also for a Retry-After header.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The timeout of one attempt.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Throws when a setting is out of range.</summary>
    public RetryOptions Validate()
    {
        Require(MaxAttempts >= 1 && MaxAttempts <= 50, "MaxRetryCount", "must be between 0 and 49 retries");
        Require(RequestTimeout > TimeSpan.Zero && RequestTimeout <= TimeSpan.FromMinutes(30), "TimeoutSec", "must be between 1 second and 30 minutes");
        Require(MaxRetryDuration > TimeSpan.Zero && MaxRetryDuration <= TimeSpan.FromHours(2), "MaxRetryDuration", "must be between 1 second and 2 hours");
        Require(BaseDelay >= TimeSpan.Zero && BaseDelay <= MaxDelay, "BaseDelay", "must be at least zero and at most MaxDelay");
        return this;
    }

    /// <summary>A copy.</summary>
    public RetryOptions Clone() => (RetryOptions)MemberwiseClone();

    private static void Require(bool condition, string name, string rule)
    {
        if (!condition)
        {
            throw new AqueraValidationException(ErrorIds.InvalidSetting, name + " " + rule + ".", name);
        }
    }
}

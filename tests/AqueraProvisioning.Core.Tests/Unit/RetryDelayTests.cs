using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Unit;

public class RetryDelayTests
{
    private static readonly DateTimeOffset s_now = new(2026, 3, 4, 10, 0, 0, TimeSpan.Zero);

    private static readonly RetryOptions s_options = new() { MaxDelay = TimeSpan.FromSeconds(30), BaseDelay = TimeSpan.FromSeconds(1) };

    [Fact]
    public void Retry_after_in_seconds_is_the_wait()
    {
        using var response = new HttpResponseMessage((HttpStatusCode)429);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));

        Assert.Equal(TimeSpan.FromSeconds(7), RetryDelay.FromRetryAfter(response, s_now, s_options));
    }

    [Fact]
    public void Retry_after_zero_means_retry_at_once()
    {
        using var response = new HttpResponseMessage((HttpStatusCode)429);
        response.Headers.TryAddWithoutValidation("Retry-After", "0");

        Assert.Equal(TimeSpan.Zero, RetryDelay.FromRetryAfter(response, s_now, s_options));
    }

    [Fact]
    public void Retry_after_as_an_http_date_is_measured_from_now()
    {
        using var response = new HttpResponseMessage((HttpStatusCode)503);
        response.Headers.TryAddWithoutValidation("Retry-After", s_now.AddSeconds(12).ToString("r", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(TimeSpan.FromSeconds(12), RetryDelay.FromRetryAfter(response, s_now, s_options));
    }

    [Fact]
    public void Retry_after_as_a_date_in_the_past_is_no_wait()
    {
        using var response = new HttpResponseMessage((HttpStatusCode)503);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(s_now.AddMinutes(-3));

        Assert.Equal(TimeSpan.Zero, RetryDelay.FromRetryAfter(response, s_now, s_options));
    }

    [Fact]
    public void Retry_after_with_fractional_seconds_is_read()
    {
        using var response = new HttpResponseMessage((HttpStatusCode)429);
        response.Headers.TryAddWithoutValidation("Retry-After", "1.5");

        Assert.Equal(TimeSpan.FromSeconds(1.5), RetryDelay.FromRetryAfter(response, s_now, s_options));
    }

    [Theory]
    [InlineData(3600)]
    [InlineData(31)]
    public void Retry_after_is_capped_at_MaxDelay(int seconds)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)429);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));

        Assert.Equal(TimeSpan.FromSeconds(30), RetryDelay.FromRetryAfter(response, s_now, s_options));
    }

    [Fact]
    public void An_http_date_far_ahead_is_capped_too()
    {
        using var response = new HttpResponseMessage((HttpStatusCode)429);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(s_now.AddHours(2));
        var options = new RetryOptions { MaxDelay = TimeSpan.FromSeconds(2), BaseDelay = TimeSpan.Zero };

        Assert.Equal(TimeSpan.FromSeconds(2), RetryDelay.FromRetryAfter(response, s_now, options));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("soon")]
    [InlineData("")]
    public void Missing_or_unreadable_retry_after_gives_no_wait(string? value)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)429);
        if (value != null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", value);
        }

        Assert.Null(RetryDelay.FromRetryAfter(response, s_now, s_options));
    }

    [Theory]
    [InlineData(1, 500, 1000)]
    [InlineData(2, 1000, 2000)]
    [InlineData(3, 2000, 4000)]
    [InlineData(5, 8000, 16000)]
    [InlineData(6, 15000, 30000)]
    [InlineData(40, 15000, 30000)]
    public void Backoff_doubles_with_jitter_between_half_and_all_and_is_capped(int failedAttempts, double minMs, double maxMs)
    {
        for (int i = 0; i < 200; i++)
        {
            double ms = RetryDelay.Backoff(failedAttempts, s_options).TotalMilliseconds;
            Assert.InRange(ms, minMs, maxMs);
        }
    }

    [Fact]
    public void Backoff_is_jittered_rather_than_fixed()
    {
        var seen = new System.Collections.Generic.HashSet<double>();
        for (int i = 0; i < 50; i++)
        {
            seen.Add(RetryDelay.Backoff(3, s_options).TotalMilliseconds);
        }

        Assert.True(seen.Count > 10, "backoff should vary between calls, got " + seen.Count + " distinct values");
    }

    [Fact]
    public void Backoff_with_zero_base_delay_is_zero()
    {
        var options = new RetryOptions { BaseDelay = TimeSpan.Zero };

        Assert.Equal(TimeSpan.Zero, RetryDelay.Backoff(4, options));
    }
}

using System;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Unit;

public class RetryOptionsTests
{
    [Fact]
    public void Defaults_are_valid_and_suit_a_runbook()
    {
        var options = new RetryOptions().Validate();

        Assert.Equal(8, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromMinutes(5), options.MaxRetryDuration);
        Assert.Equal(TimeSpan.FromSeconds(1), options.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), options.MaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(100), options.RequestTimeout);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(50)]
    public void Attempts_within_range_pass(int attempts)
    {
        Assert.Equal(attempts, new RetryOptions { MaxAttempts = attempts }.Validate().MaxAttempts);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(51)]
    public void Attempts_out_of_range_are_refused(int attempts)
    {
        var ex = Assert.Throws<AqueraValidationException>(() => new RetryOptions { MaxAttempts = attempts }.Validate());

        Assert.Equal(ErrorIds.InvalidSetting, ex.ErrorId);
        Assert.Equal("MaxRetryCount", ex.Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1801)]
    public void Request_timeouts_out_of_range_are_refused(int seconds)
    {
        var ex = Assert.Throws<AqueraValidationException>(() => new RetryOptions { RequestTimeout = TimeSpan.FromSeconds(seconds) }.Validate());

        Assert.Equal("TimeoutSec", ex.Field);
    }

    [Fact]
    public void Request_timeout_of_thirty_minutes_passes()
    {
        new RetryOptions { RequestTimeout = TimeSpan.FromMinutes(30) }.Validate();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7201)]
    public void Retry_durations_out_of_range_are_refused(int seconds)
    {
        var ex = Assert.Throws<AqueraValidationException>(() => new RetryOptions { MaxRetryDuration = TimeSpan.FromSeconds(seconds) }.Validate());

        Assert.Equal("MaxRetryDuration", ex.Field);
    }

    [Fact]
    public void Base_delay_must_be_between_zero_and_max_delay()
    {
        Assert.Equal("BaseDelay", Assert.Throws<AqueraValidationException>(() => new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(-1) }.Validate()).Field);
        Assert.Equal("BaseDelay", Assert.Throws<AqueraValidationException>(() => new RetryOptions { BaseDelay = TimeSpan.FromSeconds(31) }.Validate()).Field);
        new RetryOptions { BaseDelay = TimeSpan.Zero }.Validate();
        new RetryOptions { BaseDelay = TimeSpan.FromSeconds(30) }.Validate();
        new RetryOptions { MaxRetryDuration = TimeSpan.FromHours(2) }.Validate();
    }

    [Fact]
    public void Clone_is_independent()
    {
        var original = new RetryOptions { MaxAttempts = 3 };
        RetryOptions copy = original.Clone();

        copy.MaxAttempts = 9;

        Assert.Equal(3, original.MaxAttempts);
    }

    [Fact]
    public void A_session_refuses_invalid_retry_options_before_sending_anything()
    {
        const string id = "5e1d8a6c-2f0b-4f4e-9a53-0d6f5e0b7c11";
        var settings = new PingOneSessionSettings(id, id, Support.Secure.From("s"), PingOneEndpoints.ForRegion(PingOneRegion.NA))
        {
            Retry = new RetryOptions { MaxAttempts = 0 },
        };

        var ex = Assert.Throws<AqueraValidationException>(() => new PingOneSession(settings));

        Assert.Equal(ErrorIds.InvalidSetting, ex.ErrorId);
    }

    [Fact]
    public void A_session_works_on_a_copy_so_later_edits_do_not_leak_in()
    {
        const string id = "5e1d8a6c-2f0b-4f4e-9a53-0d6f5e0b7c11";
        var retry = new RetryOptions { MaxAttempts = 2 };
        var settings = new PingOneSessionSettings(id, id, Support.Secure.From("s"), PingOneEndpoints.ForRegion(PingOneRegion.NA)) { Retry = retry };
        using var session = new PingOneSession(settings);

        retry.MaxAttempts = 0;

        Assert.Equal(2, session.Pipeline.Retry.MaxAttempts);
    }
}

using System;
using System.Collections.Generic;
using System.Text.Json;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Unit;

/// <summary>
/// The connection check's answer is undocumented: success needs an explicit signal or an empty answer, any failure
/// signal wins, and whatever else comes is a failure in the service's own words.
/// </summary>
public class ConnectionCheckVerdictTests
{
    private static ConnectionCheckVerdict Read(string? json, int status = 200) =>
        ConnectionCheckVerdict.FromAnswer(status, json is null ? null : JsonDocument.Parse(json).RootElement.Clone());

    [Theory]
    [InlineData(null, 200)]
    [InlineData(null, 204)]
    [InlineData("null", 200)]
    [InlineData("{}", 200)]
    public void An_empty_answer_is_a_pass(string? json, int status)
    {
        ConnectionCheckVerdict verdict = Read(json, status);

        Assert.True(verdict.Success);
        Assert.Equal("PingOne reached Aquera with these credentials.", verdict.Message);
        Assert.Empty(verdict.Details);
    }

    [Theory]
    [InlineData("""{"status":"SUCCESS","message":"Connection to https://a/scim succeeded"}""", "Connection to https://a/scim succeeded")]
    [InlineData("""{"status":"ok"}""", "PingOne reached Aquera with these credentials.")]
    [InlineData("""{"status":"PASSED"}""", "PingOne reached Aquera with these credentials.")]
    [InlineData("""{"success":true,"message":"reached"}""", "reached")]
    [InlineData("""{"success":"true"}""", "PingOne reached Aquera with these credentials.")]
    [InlineData("""{"result":"PASSED","message":"fine"}""", "fine")]
    [InlineData("""{"result":true}""", "PingOne reached Aquera with these credentials.")]
    [InlineData("""{"result":{"status":"SUCCEEDED","message":"nested fine"}}""", "nested fine")]
    public void An_explicit_success_signal_is_a_pass(string json, string message)
    {
        ConnectionCheckVerdict verdict = Read(json);

        Assert.True(verdict.Success);
        Assert.Equal(message, verdict.Message);
    }

    [Theory]
    [InlineData("""{"status":"FAILED","message":"Connection test failed: 401 Unauthorized"}""", "Connection test failed: 401 Unauthorized")]
    [InlineData("""{"status":"FAILURE","message":"m","details":[{"message":"401 Unauthorized"}]}""", "m")]
    [InlineData("""{"status":"error"}""", "PingOne reported the test as failed (error).")]
    [InlineData("""{"status":"UNSUCCESSFUL","reason":"timed out"}""", "timed out")]
    [InlineData("""{"success":false,"message":"no route to host"}""", "no route to host")]
    [InlineData("""{"success":"false"}""", "PingOne reported the test as failed.")]
    [InlineData("""{"result":"FAIL","description":"refused"}""", "refused")]
    [InlineData("""{"result":false}""", "PingOne reported the test as failed.")]
    [InlineData("""{"error":{"code":"CONNECTION_FAILED","message":"Connection test failed: 403"}}""", "Connection test failed: 403")]
    [InlineData("""{"error":{"code":"CONNECTION_FAILED"}}""", "PingOne reported the test as failed (CONNECTION_FAILED).")]
    [InlineData("""{"error":"invalid credentials"}""", "invalid credentials")]
    [InlineData("""{"errors":[{"code":"CONNECTION_FAILED","message":"refused by Aquera"}]}""", "refused by Aquera")]
    [InlineData("""{"errors":["plain words"]}""", "plain words")]
    [InlineData("""{"details":[{"code":"CONNECTION_FAILED","target":"configuration.SCIM_URL","message":"404 Not Found"}]}""", "404 Not Found")]
    [InlineData("""{"result":{"status":"FAILED","message":"nested failure"}}""", "nested failure")]
    public void A_failure_signal_is_a_failed_test_in_the_services_words(string json, string message)
    {
        ConnectionCheckVerdict verdict = Read(json);

        Assert.False(verdict.Success);
        Assert.Equal(message, verdict.Message);
    }

    [Theory]
    [InlineData("""{"status":"SUCCESS","error":{"code":"CONNECTION_FAILED","message":"but it failed"}}""", "but it failed")]
    [InlineData("""{"success":true,"errors":[{"message":"half-way"}]}""", "half-way")]
    [InlineData("""{"status":"OK","details":[{"code":"TIMEOUT","message":"slow"}]}""", "slow")]
    public void A_failure_signal_wins_over_a_success_signal(string json, string message)
    {
        ConnectionCheckVerdict verdict = Read(json);

        Assert.False(verdict.Success);
        Assert.Equal(message, verdict.Message);
    }

    [Theory]
    [InlineData("""{"message":"Connection test failed: 401 Unauthorized"}""", 200, "PingOne answered 200 without a result the module understands: Connection test failed: 401 Unauthorized")]
    [InlineData("""{"status":"PENDING"}""", 200, "PingOne answered 200 without a result the module understands.")]
    [InlineData("""{"id":"x","_links":{}}""", 202, "PingOne answered 202 without a result the module understands.")]
    [InlineData("""[{"status":"SUCCESS"}]""", 200, "PingOne answered 200 without a result the module understands.")]
    [InlineData("\"SUCCESS\"", 200, "PingOne answered 200 without a result the module understands.")]
    [InlineData("true", 200, "PingOne answered 200 without a result the module understands.")]
    [InlineData("""{"details":[{"code":"NOTE","message":"read this"}]}""", 200, "PingOne answered 200 without a result the module understands: read this")]
    public void Anything_else_is_a_failure_that_says_the_answer_was_not_understood(string json, int status, string message)
    {
        ConnectionCheckVerdict verdict = Read(json, status);

        Assert.False(verdict.Success);
        Assert.Equal(message, verdict.Message);
    }

    [Fact]
    public void Details_come_from_details_errors_and_a_nested_error_as_target_and_message()
    {
        ConnectionCheckVerdict verdict = Read("""
            {"error":{"code":"CONNECTION_FAILED","message":"m","details":[{"code":"CONNECTION_FAILED","target":"configuration.SCIM_URL","message":"401"}]},
             "errors":[{"code":"E1"},"plain"],
             "details":[{"target":"configuration.ACCESS_TOKEN"}]}
            """);

        Assert.False(verdict.Success);
        Assert.Equal(new List<string> { "configuration.SCIM_URL: 401", "E1", "plain", "configuration.ACCESS_TOKEN" }, verdict.Details);
    }

    [Fact]
    public void A_secret_in_the_services_words_is_redacted()
    {
        ConnectionCheckVerdict verdict = Read("""{"status":"FAILED","message":"Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.c2ln refused","details":[{"message":"password=hunter2-Zq9"}]}""");

        Assert.DoesNotContain("eyJhbGciOiJIUzI1NiJ9", verdict.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-Zq9", string.Join(" ", verdict.Details), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400, true)]
    [InlineData(409, true)]
    [InlineData(422, true)]
    [InlineData(401, false)]
    [InlineData(403, false)]
    [InlineData(404, false)]
    [InlineData(429, false)]
    [InlineData(500, false)]
    [InlineData(503, false)]
    [InlineData(0, false)]
    public void A_4xx_refusal_is_a_failed_test_but_the_token_role_environment_limit_and_outages_stay_errors(int status, bool failedTest)
    {
        var refusal = new PingOneApiException(
            status, "POST", new Uri("https://api.pingone.eu/v1/environments/e/propagation/stores/connection/status"), "CODE", "Connection test failed: 401 Unauthorized",
            new[] { new PingOneErrorDetail { Code = "CONNECTION_FAILED", Target = "configuration.SCIM_URL", Message = "401 Unauthorized" } }, null, null);

        ConnectionCheckVerdict? verdict = ConnectionCheckVerdict.FromRefusal(refusal);

        Assert.Equal(failedTest, verdict != null);
        if (verdict != null)
        {
            Assert.False(verdict.Success);
            Assert.Equal("Connection test failed: 401 Unauthorized", verdict.Message);
            Assert.Equal("configuration.SCIM_URL: 401 Unauthorized", Assert.Single(verdict.Details));
        }
    }
}

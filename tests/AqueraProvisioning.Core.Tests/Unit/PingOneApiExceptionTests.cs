using System;
using System.Linq;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Unit;

public class PingOneApiExceptionTests
{
    private static readonly Uri s_url = new("https://api.pingone.com/v1/environments/e/propagation/stores");

    private static PingOneApiException Make(int status, string? code = null, bool token = false, params PingOneErrorDetail[] details) =>
        new(status, "POST", s_url, code, "message", details, "corr-1", "txn-1") { IsTokenRequest = token };

    [Theory]
    [InlineData(400, ErrorIds.InvalidRequest)]
    [InlineData(401, ErrorIds.Unauthorized)]
    [InlineData(403, ErrorIds.PermissionDenied)]
    [InlineData(404, ErrorIds.NotFound)]
    [InlineData(408, ErrorIds.Timeout)]
    [InlineData(409, ErrorIds.Conflict)]
    [InlineData(429, ErrorIds.Throttled)]
    [InlineData(500, ErrorIds.ServiceUnavailable)]
    [InlineData(502, ErrorIds.ServiceUnavailable)]
    [InlineData(503, ErrorIds.ServiceUnavailable)]
    [InlineData(504, ErrorIds.ServiceUnavailable)]
    [InlineData(405, ErrorIds.ApiError)]
    [InlineData(415, ErrorIds.ApiError)]
    public void Api_statuses_map_to_stable_error_ids(int status, string errorId)
    {
        Assert.Equal(errorId, Make(status).ErrorId);
    }

    [Theory]
    [InlineData(PingOneResourceKind.Store, ErrorIds.ConnectionNotFound, "propagation store")]
    [InlineData(PingOneResourceKind.Rule, ErrorIds.RuleNotFound, "propagation rule")]
    [InlineData(PingOneResourceKind.Mapping, ErrorIds.MappingNotFound, "propagation mapping")]
    [InlineData(PingOneResourceKind.Plan, ErrorIds.PlanNotFound, "propagation plan")]
    [InlineData(PingOneResourceKind.User, ErrorIds.UserNotFound, "user")]
    [InlineData(PingOneResourceKind.Population, ErrorIds.PopulationNotFound, "population")]
    [InlineData(PingOneResourceKind.Group, ErrorIds.GroupNotFound, "group")]
    [InlineData(PingOneResourceKind.Revision, ErrorIds.NotFound, "propagation revision")]
    [InlineData(PingOneResourceKind.Environment, ErrorIds.NotFound, "environment")]
    [InlineData(PingOneResourceKind.Resource, ErrorIds.NotFound, "resource")]
    public void A_404_carries_the_ErrorId_of_the_kind_addressed_and_its_message_names_that_kind(PingOneResourceKind kind, string errorId, string words)
    {
        var ex = new PingOneApiException(404, "GET", s_url, "NOT_FOUND", "Unable to find it", null, "corr-1", "txn-1", null, kind, "id-1");

        Assert.Equal(errorId, ex.ErrorId);
        Assert.Equal(kind, ex.ResourceKind);
        Assert.StartsWith("PingOne has no " + words + " with id id-1: GET /v1/environments/e/propagation/stores failed with 404", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.IsNotFound);
    }

    [Fact]
    public void Only_a_store_not_found_is_a_connection_not_found()
    {
        var others = Enum.GetValues<PingOneResourceKind>().Where(k => k != PingOneResourceKind.Store);

        Assert.All(others, k => Assert.NotEqual(ErrorIds.ConnectionNotFound, PingOneResourceKinds.NotFoundErrorId(k)));
        var rule = new PingOneApiException(404, "GET", new Uri("https://api.pingone.com/v1/environments/e/propagation/rules/r"), "NOT_FOUND", "Unable to find propagation rule with id r", null, null, null, null, PingOneResourceKind.Rule, "r");

        Assert.StartsWith("PingOne has no propagation rule with id r:", rule.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("store", rule.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("connection", rule.Message + rule.ErrorId, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(400, ErrorIds.AuthenticationFailed)]
    [InlineData(401, ErrorIds.AuthenticationFailed)]
    [InlineData(403, ErrorIds.PermissionDenied)]
    [InlineData(503, ErrorIds.ServiceUnavailable)]
    public void Token_endpoint_refusals_are_authentication_failures(int status, string errorId)
    {
        Assert.Equal(errorId, Make(status, "invalid_client", token: true).ErrorId);
    }

    [Fact]
    public void No_response_is_unavailable_and_a_timeout_is_a_timeout()
    {
        Assert.Equal(ErrorIds.ServiceUnavailable, Make(0, "CONNECTION_FAILED").ErrorId);
        Assert.Equal(ErrorIds.Timeout, Make(0, "TIMEOUT").ErrorId);
        Assert.Equal(ErrorIds.Timeout, Make(0, "TIMEOUT", token: true).ErrorId);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(408, true)]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(400, false)]
    [InlineData(404, false)]
    [InlineData(409, false)]
    [InlineData(429, false)]
    public void Outcome_is_unknown_only_when_the_request_may_have_been_processed(int status, bool unknown)
    {
        Assert.Equal(unknown, Make(status).OutcomeUnknown);
    }

    [Fact]
    public void Message_names_method_path_status_code_and_details()
    {
        var ex = Make(400, "INVALID_DATA", false, new PingOneErrorDetail { Code = "INVALID_VALUE", Target = "configuration.SCIM_URL", Message = "must be https" });

        Assert.Equal("POST /v1/environments/e/propagation/stores failed with 400 (INVALID_DATA): message [configuration.SCIM_URL: must be https]", ex.Message);
        Assert.Equal("corr-1", ex.CorrelationId);
        Assert.Equal("txn-1", ex.TransactionId);
        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("POST", ex.Method);
        Assert.Equal(s_url, ex.RequestUrl);
    }

    [Fact]
    public void A_missing_response_says_so()
    {
        Assert.StartsWith("POST /v1/environments/e/propagation/stores got no response", Make(0).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Details_are_found_by_target_case_insensitively()
    {
        var ex = Make(400, "INVALID_DATA", false, new PingOneErrorDetail { Target = "configuration.ACCESS_TOKEN", Message = "required" });

        Assert.True(ex.HasDetailFor("configuration.access_token"));
        Assert.True(ex.HasDetailFor("configuration.BASIC_AUTH_PASSWORD", "configuration.ACCESS_TOKEN"));
        Assert.False(ex.HasDetailFor("configuration.BASIC_AUTH_PASSWORD"));
        Assert.False(Make(400).HasDetailFor("name"));
    }

    [Fact]
    public void Operation_exceptions_expose_the_api_failure_behind_them()
    {
        PingOneApiException api = Make(503);
        var op = new AqueraOperationException(ErrorIds.CreateOutcomeUnknown, "could not", api);

        Assert.Same(api, op.ApiException);
        Assert.Equal(ErrorIds.CreateOutcomeUnknown, op.ErrorId);
        Assert.Null(new AqueraOperationException(ErrorIds.ApiError, "x", new InvalidOperationException()).ApiException);
    }

    [Fact]
    public void Every_failure_the_module_raises_is_an_AqueraException_that_carries_its_ErrorId()
    {
        AqueraException[] failures =
        [
            new AqueraValidationException(ErrorIds.InvalidName, "bad", "Name"),
            new AqueraOperationException(ErrorIds.ConnectionExists, "taken"),
            Make(409),
        ];

        Assert.Equal([ErrorIds.InvalidName, ErrorIds.ConnectionExists, ErrorIds.Conflict], failures.Select(f => f.ErrorId));
    }
}

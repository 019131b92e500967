using System;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using AqueraProvisioning.Cmdlets.Tests.Support;
using AqueraProvisioning.Sandbox;
using Xunit;

namespace AqueraProvisioning.Cmdlets.Tests;

/// <summary>
/// Each failure cause gets its own ErrorId and category, and ErrorDetails carries PingOne's correlation id and the
/// transaction id the cmdlet sent, so a runbook's failure can be traced with Ping support.
/// </summary>
[Collection(OneSandbox.Name)]
public sealed class ErrorRecordTests : SandboxTest
{
    public ErrorRecordTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    [Fact]
    public void An_unknown_id_is_ObjectNotFound()
    {
        using Runspace runspace = Connected();
        ErrorRecord error = GetById(runspace, Guid.NewGuid());

        Assert.Equal("AqueraConnectionNotFound,AqueraProvisioning.Commands.GetAqueraConnectionCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        AssertTraceable(error, 404, Sandbox.ApiRequests().Single());
    }

    [Fact]
    public async Task A_request_PingOne_refuses_as_invalid_is_InvalidArgument()
    {
        // A store holding a configuration key the API refuses: writing it back whole makes PingOne answer 400.
        string id = await Sandbox.InsertRawStoreAsync(new JsonObject
        {
            ["name"] = "planted",
            ["type"] = "Aquera",
            ["status"] = "INACTIVE",
            ["configuration"] = new JsonObject
            {
                ["SCIM_URL"] = Sandbox.Info.ScimUrl,
                ["AUTHENTICATION_METHOD"] = "OAuth Bearer Token",
                ["ACCESS_TOKEN"] = Sandbox.Info.ScimBearerToken,
                ["NOT_A_KNOWN_KEY"] = "x",
            },
        });
        using Runspace runspace = Connected();
        using PowerShell ps = CmdletHost.On(runspace);
        ps.AddCommand("Set-AqueraConnection").AddParameter("Id", id).AddParameter("Description", "changed").AddParameter("Confirm", false);

        ErrorRecord error = Invocation.Run(ps).SingleError;

        Assert.Equal("AqueraInvalidRequest,AqueraProvisioning.Commands.SetAqueraConnectionCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("NOT_A_KNOWN_KEY", error.ErrorDetails.Message, StringComparison.Ordinal);
        AssertTraceable(error, 400, Sandbox.ApiRequests().Single(r => r.Method == "PUT"));
    }

    [Fact]
    public void A_token_refused_even_after_one_renewal_is_AuthenticationError()
    {
        // The session's token is revoked and every new one is issued already expired: the API refuses the request,
        // the cmdlet renews the token once, and the API refuses the renewed one too.
        using Runspace runspace = Connected();
        Sandbox.State.Requests.Clear();
        Sandbox.Set(s => s with { TokenLifetimeSeconds = 0 });
        Sandbox.State.Tokens.ExpireAll();
        ErrorRecord error = GetById(runspace, Guid.NewGuid());

        Assert.Equal("AqueraUnauthorized,AqueraProvisioning.Commands.GetAqueraConnectionCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Single(Sandbox.TokenRequests());
        Assert.Equal([401, 401], Sandbox.ApiRequests().Select(r => r.Status));
        AssertTraceable(error, 401, Sandbox.ApiRequests()[^1]);
    }

    [Fact]
    public void Throttling_that_outlasts_the_retries_is_LimitsExceeded()
    {
        using Runspace runspace = Connected(ps => ps.AddParameter("MaxRetryCount", 0));
        Sandbox.Set(s => s with { ThrottleEveryN = 1, RetryAfterSeconds = 0 });
        ErrorRecord error = GetById(runspace, Guid.NewGuid());

        Assert.Equal("AqueraThrottled,AqueraProvisioning.Commands.GetAqueraConnectionCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.LimitsExceeded, error.CategoryInfo.Category);
        AssertTraceable(error, 429, Assert.Single(Sandbox.ApiRequests()));
    }


    private static ErrorRecord GetById(Runspace runspace, Guid id)
    {
        using PowerShell ps = CmdletHost.On(runspace);
        ps.AddCommand("Get-AqueraConnection").AddParameter("Id", id.ToString());
        Invocation result = Invocation.Run(ps);
        Assert.Null(result.Terminating);
        return result.SingleError;
    }

    /// <summary>ErrorDetails names the status, PingOne's correlation id and the transaction id the request carried.</summary>
    private static void AssertTraceable(ErrorRecord error, int status, RequestLogEntry request)
    {
        Assert.NotNull(error.ErrorDetails);
        string details = error.ErrorDetails.Message;
        Assert.Contains("HTTP " + status, details, StringComparison.Ordinal);
        Assert.Matches(new Regex("correlation id [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), details);
        Assert.False(string.IsNullOrEmpty(request.TransactionId));
        Assert.Contains("transaction " + request.TransactionId, details, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(error.ErrorDetails.RecommendedAction));
    }
}

using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AqueraProvisioning.Core.Tests.Support;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Integration;

public class ConnectionCheckTests : SandboxTestBase, IClassFixture<SandboxFixture>
{
    private const string CheckPathSuffix = "/propagation/stores/connection/status";

    private readonly OperationContext _context = OperationContext.Silent();

    public ConnectionCheckTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_good_bearer_token_passes_and_is_sent_with_the_bare_connection_check_content_type(bool strictContentType)
    {
        await Control.SetAsync(new { strictCheckContentType = strictContentType });
        using var session = Sandbox.NewSession();

        AqueraConnectionTestResult result = await session.Connections.TestAsync(Sandbox.BearerDraft("check-ok"), _context, CancellationToken.None);

        Assert.True(result.Success, result.Message);
        Assert.Equal("check-ok", result.Name);
        Assert.Null(result.ConnectionId);
        Assert.True(result.Duration > TimeSpan.Zero);
        var check = Assert.Single(ApiRequests());
        Assert.Equal("POST", check.Method);
        Assert.EndsWith(CheckPathSuffix, check.Path, StringComparison.Ordinal);
        Assert.Equal(200, check.Status);
        Assert.Equal("application/vnd.pingidentity.connection.check+json", check.ContentType);
        Assert.Equal(0, State.Stores.Count);
    }

    [Fact]
    public async Task Other_bodies_keep_json_with_a_utf8_charset()
    {
        using var session = Sandbox.NewSession();

        await session.Connections.CreateAsync(Sandbox.BearerDraft("check-charset"), skipTest: true, force: false, _context, CancellationToken.None);

        var create = Assert.Single(ApiRequests(), r => r.Method == "POST");
        Assert.Equal("application/json; charset=utf-8", create.ContentType);
    }

    [Fact]
    public async Task Good_basic_credentials_pass()
    {
        using var session = Sandbox.NewSession();

        AqueraConnectionTestResult result = await session.Connections.TestAsync(Sandbox.BasicDraft("check-basic"), _context, CancellationToken.None);

        Assert.True(result.Success, result.Message);
    }

    [Theory]
    [InlineData("error", false)]
    [InlineData("body", false)]
    [InlineData("error", true)]
    [InlineData("body", true)]
    public async Task Wrong_credentials_are_a_failed_test_with_the_reason_in_either_failure_shape(string mode, bool basic)
    {
        const string wrongSecret = "wrong-secret-Q7-Zk4";
        await Control.SetAsync(new { connectionCheckFailureMode = mode });
        using var session = Sandbox.NewSession();
        AqueraConnectionDraft draft = basic ? Sandbox.BasicDraft("check-bad", password: wrongSecret) : Sandbox.BearerDraft("check-bad", token: wrongSecret);

        AqueraConnectionTestResult result = await session.Connections.TestAsync(draft, _context, CancellationToken.None);

        Assert.False(result.Success);
        Assert.Contains("401 Unauthorized", result.Message, StringComparison.Ordinal);
        Assert.Contains("invalid credentials", result.Message, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(result.Details);
        Assert.DoesNotContain(wrongSecret, result.ToString() + string.Join(" ", result.Details), StringComparison.Ordinal);
        Assert.Equal(mode == "error" ? 400 : 200, Assert.Single(ApiRequests()).Status);
    }

    [Theory]
    [InlineData("error")]
    [InlineData("body")]
    [InlineData("failed")]
    [InlineData("successFalse")]
    [InlineData("nestedError")]
    [InlineData("errors")]
    [InlineData("unprocessable")]
    [InlineData("unexplained")]
    public async Task Every_shape_of_a_failed_check_is_a_failed_test_in_the_services_words(string mode)
    {
        await Control.SetAsync(new { connectionCheckFailureMode = mode });
        using var session = Sandbox.NewSession();

        AqueraConnectionTestResult result = await session.Connections.TestAsync(Sandbox.BearerDraft("check-shape", token: "wrong-token-K2-p9"), _context, CancellationToken.None);

        Assert.False(result.Success);
        Assert.Contains("Connection test failed: 401 Unauthorized: invalid credentials", result.Message, StringComparison.Ordinal);
        Assert.Equal(mode == "unexplained", result.Message!.StartsWith("PingOne answered 200 without a result the module understands: ", StringComparison.Ordinal));
        Assert.Equal(mode switch { "error" => 400, "unprocessable" => 422, _ => 200 }, Assert.Single(ApiRequests()).Status);
    }

    [Theory]
    [InlineData("status", 200)]
    [InlineData("empty", 200)]
    [InlineData("noContent", 204)]
    [InlineData("successTrue", 200)]
    [InlineData("result", 200)]
    public async Task Every_shape_of_a_passed_check_is_a_pass_and_a_bad_token_still_fails(string mode, int status)
    {
        await Control.SetAsync(new { connectionCheckSuccessMode = mode });
        using var session = Sandbox.NewSession();

        AqueraConnectionTestResult passed = await session.Connections.TestAsync(Sandbox.BearerDraft("check-pass"), _context, CancellationToken.None);
        AqueraConnectionTestResult failed = await session.Connections.TestAsync(Sandbox.BearerDraft("check-pass", token: "wrong-token-K2-p9"), _context, CancellationToken.None);

        Assert.True(passed.Success, passed.Message);
        Assert.False(failed.Success);
        Assert.Equal(status, ApiRequests()[0].Status);
    }

    [Fact]
    public async Task PingOne_failing_during_the_check_is_an_error_not_a_failed_test()
    {
        await Control.SetAsync(new { unavailableEveryN = 1 });
        using var session = Sandbox.NewSession();

        var ex = await Assert.ThrowsAsync<PingOneApiException>(() => session.Connections.TestAsync(Sandbox.BearerDraft("check-outage"), _context, CancellationToken.None));

        Assert.Equal(ErrorIds.ServiceUnavailable, ex.ErrorId);
        Assert.Equal(503, ex.StatusCode);
    }

    [Fact]
    public async Task An_unreachable_scim_host_is_a_failed_test_naming_the_host()
    {
        using var session = Sandbox.NewSession();
        var draft = new AqueraConnectionDraft("check-far", "https://aquera.example.test/scim/t/a", AqueraCredential.Bearer(Secure.From("t")));

        AqueraConnectionTestResult result = await session.Connections.TestAsync(draft, _context, CancellationToken.None);

        Assert.False(result.Success);
        Assert.Contains("aquera.example.test", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_saved_connection_is_tested_with_its_stored_credentials_or_with_new_ones()
    {
        using var session = Sandbox.NewSession();
        var created = (await session.Connections.CreateAsync(Sandbox.BearerDraft("check-saved", token: "stale-token"), skipTest: true, force: false, _context, CancellationToken.None)).Connection;

        AqueraConnectionTestResult stored = await session.Connections.TestSavedAsync(created.Id, null, _context, CancellationToken.None);
        AqueraConnectionTestResult fresh = await session.Connections.TestSavedAsync(created.Id, AqueraCredential.Bearer(Secure.From(Info.ScimBearerToken)), _context, CancellationToken.None);

        Assert.False(stored.Success);
        Assert.True(fresh.Success, fresh.Message);
        Assert.Equal(created.Id, fresh.ConnectionId);
        Assert.Equal("check-saved", fresh.Name);

        // Testing with new credentials does not save them.
        Assert.Equal("stale-token", (string?)(await Control.RawGetAsync(created.Id))["configuration"]!["ACCESS_TOKEN"]);
    }

    [Fact]
    public async Task Create_refuses_a_connection_whose_test_fails_and_sends_no_create()
    {
        using var session = Sandbox.NewSession();

        var ex = await Assert.ThrowsAsync<AqueraOperationException>(() =>
            session.Connections.CreateAsync(Sandbox.BearerDraft("check-refused", token: "bad-token"), skipTest: false, force: false, _context, CancellationToken.None));

        Assert.Equal(ErrorIds.ConnectionTestFailed, ex.ErrorId);
        Assert.False(ex.TestResult!.Success);
        // The fact with the test's own message; what to do about it (-Force) is the cmdlet layer's to say.
        Assert.StartsWith("The connection test for 'check-refused' failed, so nothing was created: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(ex.TestResult.Message!, ex.Message, StringComparison.Ordinal);
        Assert.Equal("check-refused", ex.Name);
        Assert.Equal(0, State.Stores.Count);
        Assert.DoesNotContain(ApiRequests(), r => r.Method == "POST" && r.Path.EndsWith("/propagation/stores", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Force_saves_a_failing_connection_disabled()
    {
        using var session = Sandbox.NewSession();
        AqueraConnectionDraft draft = Sandbox.BearerDraft("check-forced", token: "bad-token");
        draft.Enabled = true;

        AqueraCreateResult result = await session.Connections.CreateAsync(draft, skipTest: false, force: true, _context, CancellationToken.None);

        Assert.True(result.SavedDisabledAfterFailedTest);
        Assert.False(result.Connection.Enabled);
        Assert.False(result.Test!.Success);
        Assert.Equal(1, StoresNamed("check-forced"));
        Assert.Equal("INACTIVE", State.Stores.Snapshot().Single().Content.Status);
    }
}

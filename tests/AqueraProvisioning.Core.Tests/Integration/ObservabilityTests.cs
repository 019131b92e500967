using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using AqueraProvisioning.Core.Tests.Support;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Integration;

/// <summary>What an admin sees with -Verbose -Debug, and what Ping support can trace.</summary>
public class ObservabilityTests : SandboxTestBase, IClassFixture<SandboxFixture>
{
    public ObservabilityTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    [Fact]
    public async Task Every_request_carries_the_contexts_transaction_id_the_token_request_included()
    {
        using var session = Sandbox.NewSession(s => s.PageSize = 1);
        await Control.SeedAsync(3, "txn-");
        var context = new OperationContext(null, "runbook-42-transaction");

        await session.ConnectAsync(context, CancellationToken.None);
        var created = (await session.Connections.CreateAsync(Sandbox.BearerDraft("txn-created"), skipTest: false, force: false, context, CancellationToken.None)).Connection;
        await session.Connections.ListAllAsync(context, CancellationToken.None);
        await session.Connections.UpdateAsync(created.Id, new AqueraConnectionChanges { AllowUpdate = true }, new AqueraUpdateOptions(), context, CancellationToken.None);
        await session.CreateRevisionAsync(context, CancellationToken.None);
        await session.Connections.DeleteAsync(created.Id, context, CancellationToken.None);

        var requests = Requests();
        Assert.True(requests.Count >= 9, "expected token, check, create, 4 pages, get, put, revision, delete; saw " + requests.Count);
        Assert.All(requests, r => Assert.Equal("runbook-42-transaction", r.TransactionId));
        Assert.All(ApiRequests(), r => Assert.True(r.HasAuthorization));
    }

    [Fact]
    public async Task Separate_operations_get_separate_transaction_ids()
    {
        using var session = Sandbox.NewSession();
        var first = new OperationContext(null);
        var second = new OperationContext(null);

        await session.Connections.ListAllAsync(first, CancellationToken.None);
        await session.Connections.ListAllAsync(second, CancellationToken.None);

        var ids = ApiRequests().Select(r => r.TransactionId).ToArray();
        Assert.Equal(new[] { first.TransactionId, second.TransactionId }, ids);
    }

    [Fact]
    public async Task There_is_one_verbose_line_per_http_call_and_per_retry()
    {
        using var session = Sandbox.NewSession(s => s.PageSize = 2);
        await Control.SeedAsync(5, "lines-");
        await Control.SetAsync(new { throttleEveryN = 3, retryAfterSeconds = 0 });
        var log = new RecordingLog();
        var context = new OperationContext(log);

        await session.Connections.ListAllAsync(context, CancellationToken.None);
        await session.CreateRevisionAsync(context, CancellationToken.None);

        var requests = Requests();
        var callLines = log.VerboseLines.Where(l => l.Contains(" -> ", StringComparison.Ordinal)).ToList();
        var retryLines = log.VerboseLines.Where(l => l.StartsWith("Retrying after", StringComparison.Ordinal)).ToList();
        Assert.Equal(requests.Count, callLines.Count);
        Assert.Equal(requests.Count(r => r.Status == 429), retryLines.Count);
        Assert.NotEmpty(retryLines);
        Assert.All(callLines, l => Assert.Contains("[transaction " + context.TransactionId + "]", l, StringComparison.Ordinal));
        Assert.Contains(callLines, l => l.StartsWith("GET " + Info.ApiUrl + "/environments/", StringComparison.Ordinal) && l.Contains("-> 200 OK", StringComparison.Ordinal));
        Assert.Contains(callLines, l => l.Contains("-> 429", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_secret_reaches_any_log_line_or_error_in_a_full_scenario()
    {
        const string wrongToken = "wrong-scim-token-Xy7Pq2Lm9";
        const string rotatedPassword = "rotated-password-Hh4Kk8Nn";
        var log = new RecordingLog();
        var context = new OperationContext(log);
        var errors = new System.Text.StringBuilder();
        using var session = Sandbox.NewSession(s => s.ClientAuthentication = ClientAuthenticationMethod.ClientSecretPost);
        await Control.SetAsync(new { throttleEveryN = 4, retryAfterSeconds = 0, commitThenFailCreates = 1 });

        await session.ConnectAsync(context, CancellationToken.None);
        string firstAccessToken = await SessionSecrets.CurrentAccessTokenAsync(session);
        var bearer = (await session.Connections.CreateAsync(Sandbox.BearerDraft("secret-bearer"), false, false, context, CancellationToken.None)).Connection;
        var basic = (await session.Connections.CreateAsync(Sandbox.BasicDraft("secret-basic"), false, false, context, CancellationToken.None)).Connection;
        await session.Connections.TestAsync(Sandbox.BearerDraft("secret-wrong", wrongToken), context, CancellationToken.None);
        await Control.SetAsync(new { connectionCheckFailureMode = "body" });
        await session.Connections.TestAsync(Sandbox.BasicDraft("secret-wrong-basic", rotatedPassword), context, CancellationToken.None);
        await session.Connections.UpdateAsync(basic.Id, new AqueraConnectionChanges { Credential = AqueraCredential.Basic(Info.ScimUser, Secure.From(rotatedPassword)) }, new AqueraUpdateOptions { TestBeforeEnabling = false }, context, CancellationToken.None);
        await session.Connections.UpdateAsync(bearer.Id, new AqueraConnectionChanges { State = AqueraConnectionState.Enabled }, new AqueraUpdateOptions(), context, CancellationToken.None);
        try
        {
            await session.Connections.CreateAsync(Sandbox.BearerDraft("secret-refused", wrongToken), false, false, context, CancellationToken.None);
        }
        catch (AqueraOperationException ex)
        {
            errors.AppendLine(ex.ToString()).AppendLine(ex.TestResult?.ToString());
        }

        await Control.ExpireTokensAsync();
        await session.Connections.ListAllAsync(context, CancellationToken.None);
        await Control.SetAsync(new { secrets = "omit" });
        try
        {
            await session.Connections.UpdateAsync(bearer.Id, new AqueraConnectionChanges { AllowUpdate = true }, new AqueraUpdateOptions(), context, CancellationToken.None);
        }
        catch (AqueraOperationException ex)
        {
            errors.AppendLine(ex.ToString());
        }

        using (var wrongSession = new PingOneSession(Sandbox.Settings("wrong-" + Info.ClientSecret, ClientAuthenticationMethod.ClientSecretPost)))
        {
            try
            {
                await wrongSession.ConnectAsync(context, CancellationToken.None);
            }
            catch (PingOneApiException ex)
            {
                errors.AppendLine(ex.ToString());
            }
        }

        string accessToken = await SessionSecrets.CurrentAccessTokenAsync(session);
        Assert.NotEqual(firstAccessToken, accessToken);
        string everything = log.AllText + "\n" + errors;
        Assert.Contains("***", everything, StringComparison.Ordinal);
        Assert.Contains(log.DebugLines, l => l.Contains("client_secret=***", StringComparison.Ordinal));
        Assert.Contains(log.DebugLines, l => l.Contains("\"ACCESS_TOKEN\":\"***\"", StringComparison.Ordinal));
        Assert.Contains(log.DebugLines, l => l.Contains("\"BASIC_AUTH_PASSWORD\":\"***\"", StringComparison.Ordinal));
        Assert.Contains("nothing was created", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("does not return the stored secret", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("failed with 401 (invalid_client)", errors.ToString(), StringComparison.Ordinal);
        foreach (string secret in new[] { Info.ClientSecret, Info.ScimBearerToken, Info.ScimPassword, wrongToken, rotatedPassword, firstAccessToken, accessToken })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }

        JsonObject stored = await Control.RawGetAsync(basic.Id);
        Assert.Equal(rotatedPassword, (string?)stored["configuration"]!["BASIC_AUTH_PASSWORD"]);
    }
}

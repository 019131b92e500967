using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using AqueraProvisioning.Core.Tests.Support;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Integration;

public class ErrorShapeTests : SandboxTestBase, IClassFixture<SandboxFixture>
{
    public ErrorShapeTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    [Fact]
    public async Task A_missing_connection_is_a_404_with_code_correlation_and_our_transaction_id_and_is_not_retried()
    {
        using var session = Sandbox.NewSession();
        var context = new OperationContext(null, "txn-404-check");
        string id = Guid.NewGuid().ToString();

        var ex = await Assert.ThrowsAsync<PingOneApiException>(() => session.Connections.GetAsync(id, context, CancellationToken.None));

        Assert.Equal(404, ex.StatusCode);
        Assert.Equal(ErrorIds.ConnectionNotFound, ex.ErrorId);
        Assert.Equal("NOT_FOUND", ex.Code);
        Assert.Contains(id, ex.ApiMessage, StringComparison.Ordinal);
        Assert.True(Guid.TryParse(ex.CorrelationId, out _), "Correlation-Id header should be captured: " + ex.CorrelationId);
        Assert.Equal("txn-404-check", ex.TransactionId);
        Assert.Equal("GET", ex.Method);
        Assert.False(ex.OutcomeUnknown);
        Assert.Single(ApiRequests());
    }

    [Fact]
    public async Task Deleting_a_missing_connection_is_a_404_sent_once()
    {
        using var session = Sandbox.NewSession();

        var ex = await Assert.ThrowsAsync<PingOneApiException>(() => session.Connections.DeleteAsync(Guid.NewGuid().ToString(), OperationContext.Silent(), CancellationToken.None));

        Assert.Equal(ErrorIds.ConnectionNotFound, ex.ErrorId);
        Assert.Equal("DELETE", Assert.Single(ApiRequests()).Method);
    }

    [Fact]
    public async Task A_400_carries_the_details_with_their_targets_and_is_not_retried()
    {
        // An unknown configuration key the sandbox does not accept: the PUT that sends it back is refused.
        string id = await Control.RawInsertAsync(new JsonObject
        {
            ["name"] = "err-400",
            ["type"] = "Aquera",
            ["configuration"] = new JsonObject
            {
                ["SCIM_URL"] = Info.ScimUrl,
                ["AUTHENTICATION_METHOD"] = "OAuth Bearer Token",
                ["ACCESS_TOKEN"] = "tok",
                ["NOT_A_KEY"] = 1,
                ["REMOVE_ACTION"] = "Archive",
            },
        });
        using var session = Sandbox.NewSession();
        var context = new OperationContext(null);

        var ex = await Assert.ThrowsAsync<PingOneApiException>(() => session.Connections.UpdateAsync(
            id, new AqueraConnectionChanges { AllowCreate = true }, new AqueraUpdateOptions(), context, CancellationToken.None));

        Assert.Equal(400, ex.StatusCode);
        Assert.Equal(ErrorIds.InvalidRequest, ex.ErrorId);
        Assert.Equal("INVALID_DATA", ex.Code);
        Assert.True(ex.HasDetailFor("configuration.NOT_A_KEY"));
        Assert.True(ex.HasDetailFor("configuration.REMOVE_ACTION"));
        Assert.Contains("configuration.NOT_A_KEY", ex.Message, StringComparison.Ordinal);
        Assert.Equal(context.TransactionId, ex.TransactionId);
        Assert.NotNull(ex.CorrelationId);
        Assert.Single(ApiRequests(), r => r.Method == "PUT");
    }

    [Fact]
    public async Task A_wrong_environment_is_a_404_from_the_token_endpoint()
    {
        var settings = new PingOneSessionSettings(
            Guid.NewGuid().ToString(), Info.ClientId, Secure.From(Info.ClientSecret), PingOneEndpoints.Create(PingOneRegion.NA, new Uri(Info.ApiUrl), new Uri(Info.AuthUrl)))
        {
            Retry = SandboxFixture.FastRetry(),
        };
        using var session = new PingOneSession(settings);

        var ex = await Assert.ThrowsAsync<PingOneApiException>(() => session.ConnectAsync(OperationContext.Silent(), CancellationToken.None));

        Assert.Equal(404, ex.StatusCode);
        Assert.True(ex.IsTokenRequest);
        Assert.Single(Requests());
    }

    [Fact]
    public async Task A_server_that_does_not_answer_is_unavailable_after_the_retries()
    {
        // A port nothing listens on: connection refused on every attempt.
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        var log = new RecordingLog();
        var settings = new PingOneSessionSettings(
            Info.EnvironmentId, Info.ClientId, Secure.From(Info.ClientSecret), PingOneEndpoints.Create(PingOneRegion.NA, new Uri($"http://127.0.0.1:{port}"), new Uri($"http://127.0.0.1:{port}")))
        {
            Retry = new RetryOptions { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20) },
        };
        using var session = new PingOneSession(settings);

        var ex = await Assert.ThrowsAsync<PingOneApiException>(() => session.ConnectAsync(new OperationContext(log), CancellationToken.None));

        Assert.Equal(0, ex.StatusCode);
        Assert.Equal(ErrorIds.ServiceUnavailable, ex.ErrorId);
        Assert.Equal("CONNECTION_FAILED", ex.Code);
        Assert.True(ex.OutcomeUnknown);
        Assert.Equal(2, log.VerboseLines.Count(l => l.StartsWith("Retrying after", StringComparison.Ordinal)));
        Assert.Equal(3, log.VerboseLines.Count(l => l.Contains("-> no response", StringComparison.Ordinal)));
    }
}

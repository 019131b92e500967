using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AqueraProvisioning.Core.Tests.Support;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Integration;

public class AuthenticationTests : SandboxTestBase, IClassFixture<SandboxFixture>
{
    public AuthenticationTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    [Fact]
    public async Task Connect_with_client_secret_basic_sends_the_credentials_in_the_authorization_header()
    {
        using var session = Sandbox.NewSession(s => s.ClientAuthentication = ClientAuthenticationMethod.ClientSecretBasic);

        await session.ConnectAsync(OperationContext.Silent(), CancellationToken.None);

        var token = Assert.Single(Requests());
        Assert.Equal("POST", token.Method);
        Assert.Equal("/" + Info.EnvironmentId + "/as/token", token.Path);
        Assert.Equal(200, token.Status);
        Assert.True(token.HasAuthorization);
        Assert.StartsWith("application/x-www-form-urlencoded", token.ContentType, StringComparison.Ordinal);
        Assert.Equal(1, session.TokensFetched);
        Assert.NotNull(session.Context.TokenExpiresAt);
    }

    [Fact]
    public async Task A_worker_in_another_environment_gets_its_token_there_and_manages_the_target_environment()
    {
        using var session = Sandbox.NewSession(s => s.WorkerEnvironmentId = Info.WorkerEnvironmentId);

        await session.ConnectAsync(OperationContext.Silent(), CancellationToken.None);
        var page = await session.Connections.GetPageAsync(null, OperationContext.Silent(), CancellationToken.None);

        Assert.Empty(page.Items);
        var requests = Requests();
        Assert.Equal("/" + Info.WorkerEnvironmentId + "/as/token", requests[0].Path);
        Assert.StartsWith("/v1/environments/" + Info.EnvironmentId + "/", requests[1].Path, StringComparison.Ordinal);
        Assert.Equal(Info.WorkerEnvironmentId, session.Context.WorkerEnvironmentId);
        Assert.Equal(Info.EnvironmentId, session.Context.EnvironmentId);
    }

    [Fact]
    public void A_worker_environment_that_is_not_an_id_is_refused_before_anything_is_sent()
    {
        var ex = Assert.Throws<AqueraValidationException>(() => Sandbox.NewSession(s => s.WorkerEnvironmentId = "Administrators"));

        Assert.Equal(ErrorIds.InvalidId, ex.ErrorId);
        Assert.Empty(Requests());
    }

    [Fact]
    public async Task Connect_with_client_secret_post_sends_the_credentials_in_the_form()
    {
        using var session = Sandbox.NewSession(s => s.ClientAuthentication = ClientAuthenticationMethod.ClientSecretPost);

        await session.ConnectAsync(OperationContext.Silent(), CancellationToken.None);
        var page = await session.Connections.GetPageAsync(null, OperationContext.Silent(), CancellationToken.None);

        Assert.Empty(page.Items);
        var token = Requests()[0];
        Assert.Equal(200, token.Status);
        Assert.False(token.HasAuthorization);
        Assert.Equal(ClientAuthenticationMethod.ClientSecretPost, session.Context.ClientAuthentication);
    }

    [Theory]
    [InlineData(ClientAuthenticationMethod.ClientSecretBasic)]
    [InlineData(ClientAuthenticationMethod.ClientSecretPost)]
    public async Task A_wrong_secret_fails_at_connect_with_an_authentication_error_that_hides_the_secret(ClientAuthenticationMethod method)
    {
        const string wrongSecret = "Wr0ng-Client-Secret-ZZ9plural";
        var log = new RecordingLog();
        using var session = new PingOneSession(Sandbox.Settings(wrongSecret, method));

        var ex = await Assert.ThrowsAsync<PingOneApiException>(() => session.ConnectAsync(new OperationContext(log), CancellationToken.None));

        Assert.Equal(ErrorIds.AuthenticationFailed, ex.ErrorId);
        Assert.True(ex.IsTokenRequest);
        Assert.Equal(401, ex.StatusCode);
        Assert.Equal("invalid_client", ex.Code);
        Assert.DoesNotContain(wrongSecret, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongSecret, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(wrongSecret, log.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(Info.ClientSecret, ex.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, session.TokensFetched);

        // The credentials are wrong, so asking again cannot help: exactly one token request.
        Assert.Single(Requests());
    }

    [Fact]
    public async Task One_token_serves_many_calls()
    {
        using var session = Sandbox.NewSession();
        var context = OperationContext.Silent();

        await session.ConnectAsync(context, CancellationToken.None);
        for (int i = 0; i < 10; i++)
        {
            await session.Connections.ListAllAsync(context, CancellationToken.None);
        }

        Assert.Equal(1, session.TokensFetched);
        Assert.Equal(1, State.Counters.TokensIssued);
        Assert.Equal(10, ApiRequests().Count);
        Assert.All(ApiRequests(), r => Assert.Equal(200, r.Status));
    }

    [Fact]
    public async Task Parallel_calls_on_a_fresh_session_share_one_token_request()
    {
        using var session = Sandbox.NewSession();
        var context = OperationContext.Silent();

        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => session.Connections.ListAllAsync(context, CancellationToken.None)));

        Assert.Equal(1, session.TokensFetched);
        Assert.Equal(1, State.Counters.TokensIssued);
    }

    [Fact]
    public async Task A_short_lived_token_is_renewed_before_it_expires()
    {
        await Control.SetAsync(new { tokenLifetimeSeconds = 1 });
        using var session = Sandbox.NewSession();
        var context = OperationContext.Silent();
        await session.Connections.ListAllAsync(context, CancellationToken.None);

        // Past 90% of the lifetime but before the sandbox expires the token.
        await Task.Delay(930);
        await session.Connections.ListAllAsync(context, CancellationToken.None);

        Assert.Equal(2, session.TokensFetched);
        Assert.DoesNotContain(Requests(), r => r.Status == 401);
    }

    [Fact]
    public async Task A_token_revoked_mid_run_is_renewed_once_without_the_caller_noticing()
    {
        using var session = Sandbox.NewSession();
        var log = new RecordingLog();
        var context = new OperationContext(log);
        await session.Connections.ListAllAsync(context, CancellationToken.None);

        await Control.ExpireTokensAsync();
        var all = await session.Connections.ListAllAsync(context, CancellationToken.None);

        Assert.Empty(all);
        Assert.Equal(2, session.TokensFetched);
        var api = ApiRequests();
        Assert.Equal(new[] { 200, 401, 200 }, api.Select(r => r.Status).ToArray());
        Assert.Contains(log.VerboseLines, l => l.Contains("access token was refused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_token_refused_again_after_renewal_fails_as_unauthorized_without_looping()
    {
        // Tokens born expired: every API call is refused, so the one renewal cannot help.
        await Control.SetAsync(new { tokenLifetimeSeconds = 0 });
        using var session = Sandbox.NewSession();
        var context = new OperationContext(null);

        var ex = await Assert.ThrowsAsync<PingOneApiException>(() => session.Connections.ListAllAsync(context, CancellationToken.None));

        Assert.Equal(ErrorIds.Unauthorized, ex.ErrorId);
        Assert.Equal(401, ex.StatusCode);
        Assert.False(ex.IsTokenRequest);
        Assert.Equal(2, session.TokensFetched);
        Assert.Equal(2, ApiRequests().Count);
    }

    [Fact]
    public async Task The_context_reports_where_it_is_connected_without_secrets()
    {
        using var session = Sandbox.NewSession();
        await session.ConnectAsync(OperationContext.Silent(), CancellationToken.None);

        PingOneContextInfo context = session.Context;

        Assert.Equal(Info.EnvironmentId, context.EnvironmentId);
        Assert.Equal(Info.ClientId, context.ClientId);
        Assert.Null(context.Region);
        Assert.Equal(new Uri(Info.ApiUrl + "/"), context.ApiUrl);
        Assert.InRange(context.TokenExpiresAt!.Value, DateTimeOffset.UtcNow.AddMinutes(50), DateTimeOffset.UtcNow.AddMinutes(61));
        string text = System.Text.Json.JsonSerializer.Serialize(context) + context;
        Assert.DoesNotContain(Info.ClientSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(await SessionSecrets.CurrentAccessTokenAsync(session), text, StringComparison.Ordinal);
    }
}

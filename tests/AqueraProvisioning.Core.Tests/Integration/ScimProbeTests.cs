using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AqueraProvisioning.Core.Tests.Support;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Integration;

/// <summary>
/// The SCIM endpoint probe against the sandbox's Aquera SCIM service and its fault knobs, loopback TLS listeners with
/// certificates the tests make, a dead port and a name that cannot resolve: each stage's failure, reason and hint.
/// </summary>
public sealed class ScimProbeTests : SandboxTestBase, IClassFixture<SandboxFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly RecordingLog _log = new();

    public ScimProbeTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    private AqueraCredential Bearer => AqueraCredential.Bearer(Secure.From(Info.ScimBearerToken));

    private AqueraCredential Basic => AqueraCredential.Basic(Info.ScimUser, Secure.From(Info.ScimPassword));

    [Fact]
    public async Task Every_stage_passes_with_the_bearer_token_and_the_read_counts_the_users()
    {
        await CreateScimUserAsync("ada");
        await CreateScimUserAsync("grace");

        ScimProbeResult result = await ProbeAsync(Info.ScimUrl, Bearer);

        Assert.True(result.Success, result.Summary);
        Assert.Equal(new[] { ScimProbeStage.Url, ScimProbeStage.Dns, ScimProbeStage.Tcp, ScimProbeStage.Tls, ScimProbeStage.Http, ScimProbeStage.Authentication, ScimProbeStage.ScimRead }, result.Stages.Select(s => s.Stage));
        Assert.All(result.Stages.Where(s => s.Stage != ScimProbeStage.Tls), s => Assert.Equal(ScimProbeStatus.Passed, s.Status));
        Assert.Equal(ScimProbeReasons.NotApplicable, Stage(result, ScimProbeStage.Tls).Reason);
        Assert.Contains("totalResults 2", Stage(result, ScimProbeStage.ScimRead).Detail, StringComparison.Ordinal);
        Assert.Contains("httpbasic, oauthbearertoken", Stage(result, ScimProbeStage.Authentication).Detail, StringComparison.Ordinal);
        Assert.Equal(AqueraAuthenticationMethod.BearerToken, result.AuthenticationMethod);
        Assert.Null(result.Proxy);
    }

    [Fact]
    public async Task Basic_credentials_pass_and_are_named_by_user_only()
    {
        ScimProbeResult result = await ProbeAsync(Info.ScimUrl, Basic);

        Assert.True(result.Success, result.Summary);
        Assert.Contains("Basic user '" + Info.ScimUser + "' was accepted", Stage(result, ScimProbeStage.Authentication).Detail, StringComparison.Ordinal);
        AssertNoSecret(result, Info.ScimPassword);
    }

    [Fact]
    public async Task A_wrong_token_fails_authentication_with_the_challenge_and_skips_the_read()
    {
        ScimProbeResult result = await ProbeAsync(Info.ScimUrl, AqueraCredential.Bearer(Secure.From("not-the-token-0123456789")));

        Assert.False(result.Success);
        Assert.Equal(ScimProbeStatus.Passed, Stage(result, ScimProbeStage.Http).Status);
        ScimProbeStageResult auth = Stage(result, ScimProbeStage.Authentication);
        Assert.Equal(ScimProbeStatus.Failed, auth.Status);
        Assert.Equal(ScimProbeReasons.CredentialsRefused, auth.Reason);
        Assert.Contains("401 Unauthorized", auth.Detail, StringComparison.Ordinal);
        Assert.Contains("WWW-Authenticate asks for Basic, Bearer", auth.Detail, StringComparison.Ordinal);
        Assert.Contains("copy it again", auth.Hint, StringComparison.Ordinal);
        Assert.Equal(ScimProbeStatus.Skipped, Stage(result, ScimProbeStage.ScimRead).Status);
        Assert.Same(auth, result.FailedStage);
        AssertNoSecret(result, "not-the-token-0123456789");
    }

    [Fact]
    public async Task A_wrong_path_fails_the_http_stage_as_no_scim_service_there()
    {
        ScimProbeResult result = await ProbeAsync(Info.ScimUrl.Replace("/scim/v2", "/scim/v3", StringComparison.Ordinal), Bearer);

        ScimProbeStageResult http = Stage(result, ScimProbeStage.Http);
        Assert.Equal(ScimProbeStatus.Failed, http.Status);
        Assert.Equal(ScimProbeReasons.NotFound, http.Reason);
        Assert.Contains("404", http.Detail, StringComparison.Ordinal);
        Assert.Contains("tenant or application segment", http.Hint, StringComparison.Ordinal);
        Assert.All(result.Stages.SkipWhile(s => s.Stage != ScimProbeStage.Http).Skip(1), s => Assert.Equal(ScimProbeReasons.EarlierStageFailed, s.Reason));
    }

    [Theory]
    [InlineData("html", ScimProbeReasons.HtmlPage, "Sign in - Corporate Web Gateway")]
    [InlineData("nonScim", ScimProbeReasons.NotScim, "JSON that is not a SCIM ServiceProviderConfig")]
    [InlineData("redirect", ScimProbeReasons.Redirect, "sso.sandbox.invalid/login (another host)")]
    public async Task Something_other_than_scim_answering_is_named_in_the_http_stage(string answer, string reason, string named)
    {
        await Control.SetAsync(new { scimAnswer = answer });

        ScimProbeResult result = await ProbeAsync(Info.ScimUrl, Bearer);

        ScimProbeStageResult http = Stage(result, ScimProbeStage.Http);
        Assert.Equal(ScimProbeStatus.Failed, http.Status);
        Assert.Equal(reason, http.Reason);
        Assert.Contains(named, http.Detail, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(http.Hint));
        Assert.False(result.Success);
    }

    [Fact]
    public async Task A_slow_answer_fails_at_the_time_limit_and_not_later()
    {
        await Control.SetAsync(new { scimLatencyMs = 5000 });
        var watch = Stopwatch.StartNew();

        ScimProbeResult result = await ProbeAsync(Info.ScimUrl, Bearer, TimeSpan.FromSeconds(1));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), "took " + watch.Elapsed);
        ScimProbeStageResult http = Stage(result, ScimProbeStage.Http);
        Assert.Equal(ScimProbeReasons.Timeout, http.Reason);
        Assert.Contains("time limit of 1 s", http.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_stops_the_probe_within_a_second()
    {
        await Control.SetAsync(new { scimLatencyMs = 10_000 });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ScimEndpointProbe.RunAsync(Info.ScimUrl, Bearer, null, TimeSpan.FromSeconds(60), new OperationContext(_log), cancel.Token));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1.5), "took " + watch.Elapsed);
    }

    [Fact]
    public async Task Without_credentials_the_stages_up_to_http_run_and_authentication_is_skipped_with_a_hint()
    {
        ScimProbeResult result = await ProbeAsync(Info.ScimUrl, null);

        Assert.False(result.Success);
        Assert.Null(result.FailedStage);
        Assert.Equal(ScimProbeStatus.Passed, Stage(result, ScimProbeStage.Http).Status);
        ScimProbeStageResult auth = Stage(result, ScimProbeStage.Authentication);
        Assert.Equal(ScimProbeStatus.Skipped, auth.Status);
        Assert.Equal(ScimProbeReasons.NoCredentials, auth.Reason);
        Assert.Contains("its bearer token, or its Basic user and password", auth.Hint, StringComparison.Ordinal);
        Assert.Equal(ScimProbeReasons.NoCredentials, Stage(result, ScimProbeStage.ScimRead).Reason);
        Assert.Equal("Reachable; authentication was not tried.", result.Summary);
    }

    [Fact]
    public async Task A_dead_port_fails_the_tcp_stage_as_refused()
    {
        int port = FreePort();

        ScimProbeResult result = await ProbeAsync("http://127.0.0.1:" + port + "/scim/v2", Bearer);

        ScimProbeStageResult tcp = Stage(result, ScimProbeStage.Tcp);
        Assert.Equal(ScimProbeStatus.Failed, tcp.Status);
        Assert.Equal(ScimProbeReasons.ConnectionRefused, tcp.Reason);
        Assert.Contains("127.0.0.1:" + port + " refused the connection", tcp.Detail, StringComparison.Ordinal);
        Assert.Equal(ScimProbeStatus.Skipped, Stage(result, ScimProbeStage.Http).Status);
    }

    [Fact]
    public async Task A_host_that_does_not_resolve_fails_the_dns_stage()
    {
        ScimProbeResult result = await ProbeAsync("https://aquera-probe-test.invalid/scim/tenant/app", Bearer);

        ScimProbeStageResult dns = Stage(result, ScimProbeStage.Dns);
        Assert.Equal(ScimProbeStatus.Failed, dns.Status);
        Assert.Equal(ScimProbeReasons.HostNotFound, dns.Reason);
        Assert.Contains("aquera-probe-test.invalid does not resolve", dns.Detail, StringComparison.Ordinal);
        Assert.Contains("misspelt", dns.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_self_signed_certificate_is_reported_untrusted_and_nothing_is_sent_over_it()
    {
        ScimProbeStageResult tls = await FailedTlsAsync(LoopbackTlsListener.SelfSigned(), ScimProbeReasons.CertificateUntrusted);

        Assert.Contains("self-signed", tls.Detail, StringComparison.Ordinal);
        Assert.Contains("subject CN=localhost, issuer CN=localhost", tls.Detail, StringComparison.Ordinal);
        Assert.Matches("TLS 1\\.[23]", tls.Detail);
        Assert.Contains("Chain: UntrustedRoot", tls.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_certificate_is_reported_expired_with_its_date()
    {
        ScimProbeStageResult tls = await FailedTlsAsync(LoopbackTlsListener.Expired(), ScimProbeReasons.CertificateExpired);

        Assert.Contains("It expired 2 days ago", tls.Detail, StringComparison.Ordinal);
        Assert.Contains("renewed", tls.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10, ScimProbeStatus.Warning)]
    [InlineData(90, ScimProbeStatus.Passed)]
    public void A_trusted_certificate_warns_only_when_it_expires_within_30_days(int daysLeft, ScimProbeStatus expected)
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        using RSA key = RSA.Create(2048);
        using X509Certificate2 certificate = new CertificateRequest("CN=api.aquera.io", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(now.AddDays(-300), now.AddDays(daysLeft));

        // Trusted as far as the handshake goes: no policy errors.
        StageOutcome outcome = TlsCheck.Judge(new Uri("https://api.aquera.io/scim/t/a"), SslProtocols.Tls12, certificate, new TlsCheck.SeenCertificate { Errors = SslPolicyErrors.None }, now);

        Assert.Equal(expected, outcome.Status);
        if (expected == ScimProbeStatus.Warning)
        {
            Assert.Equal(ScimProbeReasons.CertificateExpiresSoon, outcome.Reason);
            Assert.Contains("It expires in " + (daysLeft - 1) + " days", outcome.Detail, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("TLS 1.2 with api.aquera.io; certificate subject CN=api.aquera.io", outcome.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_401_that_asks_for_the_other_scheme_is_named_as_the_wrong_scheme()
    {
        using var echo = new EchoingScimService();

        ScimProbeResult result = await ProbeAsync(echo.ScimUrl, AqueraCredential.Basic("svc", Secure.From("basic-password-0123456789")));

        ScimProbeStageResult auth = Stage(result, ScimProbeStage.Authentication);
        Assert.Equal(ScimProbeReasons.WrongScheme, auth.Reason);
        Assert.Contains("asks for Bearer, not Basic", auth.Hint, StringComparison.Ordinal);
        AssertNoSecret(result, "basic-password-0123456789");
    }

    [Fact]
    public async Task The_http_client_refuses_an_untrusted_certificate_even_when_the_tls_stage_is_bypassed_by_a_proxy()
    {
        using var listener = LoopbackTlsListener.SelfSigned();
        var checks = new ScimHttpChecks(new HttpPipeline(SharedHttpClients.Get(null), new RetryOptions()), new OperationContext(_log));
        var state = new ProbeState(listener.ScimUrl, Bearer, null, Timeout) { Url = new Uri(listener.ScimUrl), BaseUrl = listener.ScimUrl };

        StageOutcome http = await checks.HttpAsync(state, CancellationToken.None);

        Assert.Equal(ScimProbeStatus.Failed, http.Status);
        Assert.Equal(ScimProbeReasons.CertificateUntrusted, http.Reason);
        Assert.Equal(0, listener.Requests);
    }

    [Theory]
    [InlineData("http://aquera.example.com/scim/t/a", ScimProbeReasons.PlainHttp, ScimProbeStatus.Failed)]
    [InlineData("https://user:pa55word@api.aquera.io/scim/t/a", ScimProbeReasons.UserInfo, ScimProbeStatus.Failed)]
    [InlineData("scim/t/a", ScimProbeReasons.InvalidUrl, ScimProbeStatus.Failed)]
    [InlineData("", ScimProbeReasons.InvalidUrl, ScimProbeStatus.Failed)]
    [InlineData("https://api.aquera.io/scim/t/a?x=1", ScimProbeReasons.InvalidUrl, ScimProbeStatus.Failed)]
    [InlineData("https://aquera-probe-test.invalid/scim/t/a/Users", ScimProbeReasons.PathShape, ScimProbeStatus.Warning)]
    [InlineData("https://aquera-probe-test.invalid/scim/t/a/", ScimProbeReasons.PathShape, ScimProbeStatus.Warning)]
    [InlineData("https://aquera-probe-test.invalid/", ScimProbeReasons.PathShape, ScimProbeStatus.Warning)]
    public async Task The_url_stage_refuses_unsafe_urls_and_warns_about_the_path_shape(string url, string reason, ScimProbeStatus status)
    {
        ScimProbeResult result = await ProbeAsync(url, Bearer);

        ScimProbeStageResult stage = Stage(result, ScimProbeStage.Url);
        Assert.Equal(status, stage.Status);
        Assert.Equal(reason, stage.Reason);
        Assert.False(string.IsNullOrEmpty(stage.Hint));
        Assert.DoesNotContain("pa55word", result.ScimUrl + stage.Detail, StringComparison.Ordinal);
        if (status == ScimProbeStatus.Failed)
        {
            Assert.All(result.Stages.Skip(1), s => Assert.Equal(ScimProbeStatus.Skipped, s.Status));
        }
    }

    [Fact]
    public async Task Through_a_session_proxy_the_network_stages_say_what_they_checked_and_http_goes_through_it()
    {
        using var proxy = new LoopbackForwardProxy();
        using var session = Sandbox.NewSession(s => s.Proxy = new ProxySettings(proxy.Address, null));

        string byName = Info.ScimUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);

        ScimProbeResult result = await ScimEndpointProbe.RunAsync(byName, Bearer, session, Timeout, new OperationContext(_log), CancellationToken.None);

        Assert.True(result.Success, result.Summary);
        Assert.Equal(proxy.Address, result.Proxy);
        Assert.Contains("this lookup was made directly", Stage(result, ScimProbeStage.Dns).Detail, StringComparison.Ordinal);
        Assert.Contains("The proxy " + proxy.Address.Authority + " accepts connections", Stage(result, ScimProbeStage.Tcp).Detail, StringComparison.Ordinal);
        Assert.Contains(proxy.RequestLines, line => line.Contains("/scim/v2/ServiceProviderConfig", StringComparison.Ordinal));
        Assert.Contains(proxy.RequestLines, line => line.Contains("/scim/v2/Users?startIndex=1&count=1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_secret_reaches_a_stage_or_the_log_even_when_the_service_echoes_it()
    {
        const string token = "echoed-secret-token-0123456789";
        using var echo = new EchoingScimService();

        ScimProbeResult result = await ProbeAsync(echo.ScimUrl, AqueraCredential.Bearer(Secure.From(token)));

        Assert.Equal(ScimProbeReasons.CredentialsRefused, Stage(result, ScimProbeStage.Authentication).Reason);
        Assert.Contains("Bearer " + Redactor.Mask, Stage(result, ScimProbeStage.Authentication).Detail, StringComparison.Ordinal);
        AssertNoSecret(result, token);
        Assert.DoesNotContain(token, _log.AllText, StringComparison.Ordinal);
        Assert.NotEmpty(_log.VerboseLines);
    }

    private static ScimProbeStageResult Stage(ScimProbeResult result, ScimProbeStage stage) => result.Stages.Single(s => s.Stage == stage);

    private static void AssertNoSecret(ScimProbeResult result, string secret)
    {
        foreach (ScimProbeStageResult stage in result.Stages)
        {
            Assert.DoesNotContain(secret, stage.Detail + stage.Hint, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(secret, result.ToString() + result.ScimUrl, StringComparison.Ordinal);
    }

    /// <summary>Probes the listener; the TLS stage must fail for the reason, and nothing may be sent over the connection.</summary>
    private async Task<ScimProbeStageResult> FailedTlsAsync(LoopbackTlsListener listener, string reason)
    {
        using (listener)
        {
            ScimProbeResult result = await ProbeAsync(listener.ScimUrl, Bearer);

            ScimProbeStageResult tls = Stage(result, ScimProbeStage.Tls);
            Assert.Equal(ScimProbeStatus.Failed, tls.Status);
            Assert.Equal(reason, tls.Reason);
            Assert.Equal(ScimProbeStatus.Skipped, Stage(result, ScimProbeStage.Http).Status);
            Assert.False(result.Success);
            Assert.Equal(0, listener.Requests);
            return tls;
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private Task<ScimProbeResult> ProbeAsync(string url, AqueraCredential? credential, TimeSpan? timeout = null) =>
        ScimEndpointProbe.RunAsync(url, credential, null, timeout ?? Timeout, new OperationContext(_log), CancellationToken.None);

    private async Task CreateScimUserAsync(string userName)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Info.ScimUrl + "/Users")
        {
            Content = new StringContent("{\"userName\":\"" + userName + "\"}", Encoding.UTF8, "application/scim+json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Info.ScimBearerToken);
        using HttpResponseMessage response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}

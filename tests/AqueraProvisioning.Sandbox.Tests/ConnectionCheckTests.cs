using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace AqueraProvisioning.Sandbox.Tests;

public sealed class ConnectionCheckTests : SandboxTestBase
{
    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    [InlineData(null)]
    public async Task Wrong_or_missing_content_type_is_415_unsupported_media_type(string? contentType)
    {
        using var response = await PostJsonAsync(CheckUrl, StoreBodies.Bearer(Info), contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", Json.Text((await Json.ReadObjectAsync(response))["code"]));
    }

    [Fact]
    public async Task Charset_parameter_on_the_check_content_type_is_accepted()
    {
        using var response = await PostJsonAsync(CheckUrl, StoreBodies.Bearer(Info), "application/vnd.pingidentity.connection.check+json; charset=utf-8");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task With_a_strict_check_content_type_a_charset_parameter_is_415_and_the_bare_type_passes()
    {
        await SetAsync(new JsonObject { ["strictCheckContentType"] = true });

        using var withCharset = await PostJsonAsync(CheckUrl, StoreBodies.Bearer(Info), "application/vnd.pingidentity.connection.check+json; charset=utf-8");
        using var bare = await CheckConnectionAsync(StoreBodies.Bearer(Info));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, withCharset.StatusCode);
        var error = await Json.ReadObjectAsync(withCharset);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", Json.Text(error["code"]));
        Assert.Contains("without parameters", Json.Text(error["message"]), System.StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, bare.StatusCode);
    }

    [Fact]
    public async Task Valid_bearer_and_basic_credentials_succeed_against_the_fake_aquera()
    {
        using var bearer = await CheckConnectionAsync(StoreBodies.Bearer(Info));
        using var basic = await CheckConnectionAsync(StoreBodies.Basic(Info));

        foreach (var response in new[] { bearer, basic })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await Json.ReadObjectAsync(response);
            Assert.Equal("SUCCESS", Json.Text(body["status"]));
            Assert.Equal($"Connection to {Info.ScimUrl} succeeded", Json.Text(body["message"]));
        }

        Assert.Equal(0, State.Stores.Count);
    }

    [Fact]
    public async Task Bad_token_fails_as_400_with_a_connection_failed_detail()
    {
        using var response = await CheckConnectionAsync(StoreBodies.Bearer(Info, token: "wrong"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await Json.ReadObjectAsync(response);
        Assert.Equal("INVALID_DATA", Json.Text(error["code"]));
        Assert.Equal("Connection test failed: 401 Unauthorized: invalid credentials", Json.Text(error["message"]));
        Assert.Equal([("CONNECTION_FAILED", "configuration.SCIM_URL")], Json.Details(error));
        Assert.Equal("401 Unauthorized: invalid credentials", Json.Text(error["details"]![0]!["message"]));
    }

    [Fact]
    public async Task Bad_password_in_body_mode_is_200_failure()
    {
        await SetAsync(new JsonObject { ["connectionCheckFailureMode"] = "body" });

        using var response = await CheckConnectionAsync(StoreBodies.Basic(Info, password: "wrong"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json.ReadObjectAsync(response);
        Assert.Equal("FAILURE", Json.Text(body["status"]));
        Assert.Equal("Connection test failed: 401 Unauthorized: invalid credentials", Json.Text(body["message"]));
        Assert.Equal("401 Unauthorized: invalid credentials", Json.Text(body["details"]![0]!["message"]));
    }

    [Theory]
    [InlineData("failed", 200, """{"status":"FAILED","message":"Connection test failed: 401 Unauthorized: invalid credentials"}""")]
    [InlineData("successFalse", 200, """{"success":false,"message":"Connection test failed: 401 Unauthorized: invalid credentials"}""")]
    [InlineData("nestedError", 200, """{"error":{"code":"CONNECTION_FAILED","message":"Connection test failed: 401 Unauthorized: invalid credentials","details":[{"code":"CONNECTION_FAILED","target":"configuration.SCIM_URL","message":"401 Unauthorized: invalid credentials"}]}}""")]
    [InlineData("errors", 200, """{"errors":[{"code":"CONNECTION_FAILED","message":"Connection test failed: 401 Unauthorized: invalid credentials"}]}""")]
    [InlineData("unexplained", 200, """{"message":"Connection test failed: 401 Unauthorized: invalid credentials"}""")]
    public async Task Each_failure_mode_answers_a_bad_token_in_its_own_shape(string mode, int status, string body)
    {
        await SetAsync(new JsonObject { ["connectionCheckFailureMode"] = mode });

        using var response = await CheckConnectionAsync(StoreBodies.Bearer(Info, token: "wrong"));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_unprocessable_failure_mode_is_a_422_pingone_error()
    {
        await SetAsync(new JsonObject { ["connectionCheckFailureMode"] = "unprocessable" });

        using var response = await CheckConnectionAsync(StoreBodies.Bearer(Info, token: "wrong"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = await Json.ReadObjectAsync(response);
        Assert.Equal("UNPROCESSABLE_ENTITY", Json.Text(error["code"]));
        Assert.Equal("Connection test failed: 401 Unauthorized: invalid credentials", Json.Text(error["message"]));
        Assert.Equal([("CONNECTION_FAILED", "configuration.SCIM_URL")], Json.Details(error));
    }

    [Theory]
    [InlineData("empty", 200, "")]
    [InlineData("noContent", 204, "")]
    [InlineData("successTrue", 200, """{"success":true,"message":"Connection to {scim} succeeded"}""")]
    [InlineData("result", 200, """{"result":"PASSED","message":"Connection to {scim} succeeded"}""")]
    [InlineData("status", 200, """{"status":"SUCCESS","message":"Connection to {scim} succeeded"}""")]
    public async Task Each_success_mode_answers_good_credentials_in_its_own_shape(string mode, int status, string body)
    {
        await SetAsync(new JsonObject { ["connectionCheckSuccessMode"] = mode });

        using var response = await CheckConnectionAsync(StoreBodies.Bearer(Info));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(body.Replace("{scim}", Info.ScimUrl, System.StringComparison.Ordinal), await response.Content.ReadAsStringAsync());
        Assert.Equal(body.Length == 0 ? null : "application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_check_shape_the_sandbox_does_not_have_is_refused_and_changes_nothing()
    {
        using var response = await ControlPostAsync("/settings", new JsonObject { ["connectionCheckSuccessMode"] = "maybe", ["connectionCheckFailureMode"] = "failed" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("connectionCheckSuccessMode", Assert.Single(Json.Details(await Json.ReadObjectAsync(response))).Target);
        Assert.Equal(ConnectionCheckFailureMode.Error, State.Settings.ConnectionCheckFailureMode);
    }

    [Fact]
    public async Task Rotating_the_scim_token_makes_the_old_one_fail()
    {
        await SetAsync(new JsonObject { ["scimBearerToken"] = "rotated" });

        using var old = await CheckConnectionAsync(StoreBodies.Bearer(Info));
        using var rotated = await CheckConnectionAsync(StoreBodies.Bearer(Info, token: "rotated"));

        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
    }

    [Fact]
    public async Task Closed_loopback_port_is_connection_refused()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        await AssertFailureReasonAsync($"http://127.0.0.1:{port}/scim/v2", "connection refused");
    }

    [Fact]
    public async Task A_service_that_never_answers_times_out()
    {
        await SetAsync(new JsonObject { ["connectionCheckTimeoutMs"] = 300 });
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();

        await AssertFailureReasonAsync($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/scim/v2", "timed out");
    }

    [Fact]
    public async Task A_url_without_scim_is_404_not_found()
    {
        await AssertFailureReasonAsync(Info.BaseUrl + "/no-scim-here", "404 Not Found: no SCIM service at that URL");
    }

    [Fact]
    public async Task Non_loopback_hosts_are_never_called()
    {
        await AssertFailureReasonAsync("https://api.aquera.io/scim", "host api.aquera.io is not reachable from the sandbox");
    }

    [Fact]
    public async Task The_proposed_store_is_validated_like_a_create()
    {
        using var response = await CheckConnectionAsync(StoreBodies.Bearer(Info).With("configuration.REMOVE_ACTION", "\"Erase\""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([("INVALID_VALUE", "configuration.REMOVE_ACTION")], Json.Details(await Json.ReadObjectAsync(response)));
    }

    private async Task AssertFailureReasonAsync(string scimUrl, string reason)
    {
        using var response = await CheckConnectionAsync(StoreBodies.Bearer(Info).With("configuration.SCIM_URL", $"\"{scimUrl}\""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(reason, Json.Text((await Json.ReadObjectAsync(response))["details"]![0]!["message"]));
    }
}

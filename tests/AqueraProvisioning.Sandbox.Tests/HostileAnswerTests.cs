using System;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace AqueraProvisioning.Sandbox.Tests;

/// <summary>Knob <c>hostileAnswer</c>: what answers /v1 in PingOne's place, before the token is even looked at.</summary>
public sealed class HostileAnswerTests : SandboxTestBase
{
    [Theory]
    [InlineData("gatewayHtml", 502, "<title>502 Bad Gateway</title>")]
    [InlineData("unavailableHtml", 503, "<title>503 Service Temporarily Unavailable</title>")]
    [InlineData("html", 200, "<title>Sign in - Corporate Web Gateway</title>")]
    public async Task A_page_answers_in_html_and_echoes_what_the_request_carried(string answer, int status, string title)
    {
        await SetAsync(new JsonObject { ["hostileAnswer"] = answer, ["retryAfterSeconds"] = 3600 });

        using var response = await Http.GetAsync(StoresUrl);
        string page = await response.Content.ReadAsStringAsync();

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(title, page, StringComparison.Ordinal);
        Assert.Contains(Http.DefaultRequestHeaders.Authorization!.Parameter!, page, StringComparison.Ordinal);
        Assert.Contains("gw_session=", page, StringComparison.Ordinal);
        Assert.Equal(answer == "unavailableHtml" ? TimeSpan.FromHours(1) : null, response.Headers.RetryAfter?.Delta);
    }

    [Theory]
    [InlineData("truncatedJson")]
    [InlineData("wrongShape")]
    public async Task A_broken_or_misshapen_body_is_a_complete_200_of_json_that_no_client_can_use(string answer)
    {
        await SetAsync(new JsonObject { ["hostileAnswer"] = answer });

        using var response = await Http.GetAsync(StoresUrl + "/" + Guid.NewGuid());
        string body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        if (answer == "truncatedJson")
        {
            Assert.ThrowsAny<System.Text.Json.JsonException>(() => JsonNode.Parse(body));
        }
        else
        {
            Assert.IsType<JsonObject>(JsonNode.Parse(body)!["_embedded"]!["stores"]);
        }
    }

    [Theory]
    [InlineData("oversized", 200, true)]
    [InlineData("oversizedChunked", 200, false)]
    [InlineData("oversizedError", 502, true)]
    public async Task An_oversized_body_is_really_64_MiB_declared_or_chunked(string answer, int status, bool declared)
    {
        await SetAsync(new JsonObject { ["hostileAnswer"] = answer });

        using var response = await Http.GetAsync(StoresUrl, HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            total += read;
        }

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(declared ? 64L * 1024 * 1024 : null, response.Content.Headers.ContentLength);
        Assert.Equal(64L * 1024 * 1024, total);
    }

    [Fact]
    public async Task Every_nth_request_only_and_never_the_token_or_the_control_api()
    {
        await SetAsync(new JsonObject { ["hostileAnswer"] = "gatewayHtml", ["hostileEveryN"] = 2 });

        using var first = await Http.GetAsync(StoresUrl);
        using var second = await Http.GetAsync(StoresUrl);
        using var third = await Http.GetAsync(StoresUrl);
        string token = await GetTokenAsync();
        using var settings = await Http.GetAsync(Info.ControlUrl + "/settings");

        Assert.Equal(new[] { 200, 502, 200 }, new[] { (int)first.StatusCode, (int)second.StatusCode, (int)third.StatusCode });
        Assert.NotEmpty(token);
        Assert.Equal("gatewayHtml", Json.Text((await Json.ReadObjectAsync(settings))["hostileAnswer"]));
    }

    [Fact]
    public async Task An_answer_the_sandbox_does_not_have_is_refused_and_changes_nothing()
    {
        using var response = await ControlPostAsync("/settings", new JsonObject { ["hostileAnswer"] = "teapot", ["hostileEveryN"] = 3 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HostileAnswer.None, State.Settings.HostileAnswer);
        Assert.Equal(1, State.Settings.HostileEveryN);
    }
}

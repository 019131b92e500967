using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace AqueraProvisioning.Sandbox.Tests;

/// <summary>The printed Control API URL itself: a GET lists every knob with its current value, and the control routes.</summary>
public sealed class ControlIndexTests : SandboxTestBase
{
    [Fact]
    public async Task A_GET_of_the_control_url_lists_every_knob_of_the_settings_with_its_current_value()
    {
        await SetAsync(new JsonObject { ["latencyMs"] = 7, ["strictListQuery"] = true, ["planStatusMode"] = "required" });

        JsonObject index = await GetObjectAsync(Info.ControlUrl);
        JsonObject settings = await GetObjectAsync(Info.ControlUrl + "/settings");
        JsonObject knobs = index["knobs"]!.AsObject();

        Assert.Equal(settings.Select(p => p.Key).Order(), knobs.Select(p => p.Key).Order());
        Assert.All(settings, setting => Assert.True(JsonNode.DeepEquals(setting.Value, knobs[setting.Key]), setting.Key + " differs"));
        Assert.Equal(7, knobs["latencyMs"]!.GetValue<int>());
        Assert.True(knobs["strictListQuery"]!.GetValue<bool>());
        Assert.Equal("required", Json.Text(knobs["planStatusMode"]));
    }

    [Fact]
    public async Task A_GET_of_the_control_url_says_how_to_change_the_knobs_and_lists_the_control_routes_the_router_has()
    {
        JsonObject index = await GetObjectAsync(Info.ControlUrl);
        string[] routes = index["routes"]!.AsArray().Select(r => Json.Text(r)!).ToArray();

        Assert.Contains("POST " + Info.ControlUrl + "/settings", Json.Text(index["change"]), System.StringComparison.Ordinal);
        Assert.Contains("GET /__sandbox/settings", routes);
        Assert.Contains("POST /__sandbox/reset", routes);
        Assert.Contains("GET /__sandbox/engine", routes);
        Assert.All(routes, route => Assert.Contains(" /__sandbox", route, System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_control_url_answers_a_GET_with_200_and_json()
    {
        using var response = await Http.GetAsync(Info.ControlUrl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }
}

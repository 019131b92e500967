using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace AqueraProvisioning.Sandbox.Tests;

public sealed class EngineControlTests : EngineTestBase
{
    [Fact]
    public async Task The_engine_status_counts_runs_and_run_answers_after_a_full_sync()
    {
        await SetUpOutboundAsync();
        var before = await GetObjectAsync(Info.ControlUrl + "/engine");

        using var run = await ControlPostAsync("/engine/run");
        var after = await Json.ReadObjectAsync(run);

        Assert.Equal(0, before["runs"]!.GetValue<int>());
        Assert.Null(before["lastRunAt"]);
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.Equal(1, after["runs"]!.GetValue<int>());
        Assert.NotNull(after["lastRunAt"]);
        Assert.Equal(DefaultUsers, UserNames(await ScimUsersAsync()));
    }

    [Fact]
    public async Task In_process_the_engine_can_be_run_and_awaited_directly()
    {
        await SetUpOutboundAsync();

        await State.Engine.RunAsync();
        await State.Engine.WaitForIdleAsync();

        Assert.Equal(4, State.Scim.AllUsers.Count);
        Assert.False(State.Engine.HasPendingWork);
        Assert.Contains(State.Engine.UserOutcomes, outcome => outcome.Status == "SUCCESS");
    }

    [Fact]
    public async Task Wait_takes_a_timeout_and_refuses_a_bad_one()
    {
        using var bad = await ControlPostAsync("/engine/wait", new JsonObject { ["timeoutMs"] = 0 });
        using var idle = await ControlPostAsync("/engine/wait");

        Assert.Equal([("INVALID_VALUE", "timeoutMs")], Json.Details(await Json.ReadObjectAsync(bad)));
        Assert.Equal(HttpStatusCode.OK, idle.StatusCode);
        Assert.False((await Json.ReadObjectAsync(idle))["pending"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Reset_clears_the_propagation_model_the_engine_and_the_scim_service_and_reseeds_the_directory()
    {
        var outbound = await SetUpOutboundAsync();
        await ReviseAndWaitAsync();
        using var delete = await Http.DeleteAsync(Absolute($"users/{UserId("alice.anders")}"));

        using var reset = await ControlPostAsync("/reset");
        var engine = await GetObjectAsync(Info.ControlUrl + "/engine");

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Empty(State.Propagation.AllPlans);
        Assert.Empty(State.Propagation.AllRules);
        Assert.Empty(State.Propagation.AllMappings);
        Assert.Equal(0, State.Stores.Count);
        Assert.Empty(await ScimUsersAsync());
        Assert.Empty(State.Engine.UserOutcomes);
        Assert.Equal(0, engine["runs"]!.GetValue<int>());
        Assert.Equal(6, State.Directory.AllUsers.Count);
        Assert.NotNull(State.Directory.FindUserByUsername("alice.anders"));
        Assert.Equal("embedded", Json.Text((await GetObjectAsync(Info.ControlUrl + "/settings"))["ruleListShape"]));
    }

    [Fact]
    public async Task Every_rule_knob_shows_in_the_settings_and_an_unknown_value_is_refused()
    {
        var settings = await GetObjectAsync(Info.ControlUrl + "/settings");
        using var bad = await ControlPostAsync("/settings", new JsonObject { ["ruleCreatePath"] = "sideways", ["secondPlanStatus"] = 418 });

        foreach (var knob in new[]
        {
            "secondPlanStatus", "planStatusMode", "directoryConfigurationRequired", "ruleCreatePath", "ruleCreateReturnsId", "ruleListShape",
            "activeRuleRequiresMappings", "storeInUseStatus", "mappingDeletePath", "mappingNameRequired", "storeMetadataBody", "storeMetadataShape",
            "syncedRuleStatusCase", "emptyScope",
        })
        {
            Assert.NotNull(settings[knob]);
        }

        Assert.Equal([("INVALID_VALUE", "ruleCreatePath"), ("INVALID_VALUE", "secondPlanStatus")], Json.Details(await Json.ReadObjectAsync(bad)));
        Assert.Equal("both", State.Settings.Propagation.RuleCreatePath);
    }
}

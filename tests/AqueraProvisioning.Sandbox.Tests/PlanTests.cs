using System;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace AqueraProvisioning.Sandbox.Tests;

public sealed class PlanTests : PropagationTestBase
{
    [Fact]
    public async Task A_fresh_environment_has_no_plan_and_no_directory_store()
    {
        var plans = await GetObjectAsync("propagation/plans");

        Assert.Empty(plans["_embedded"]!["plans"]!.AsArray());
        Assert.Equal(0, plans["count"]!.GetValue<int>());
        Assert.Equal(0, State.Stores.Count);
    }

    [Fact]
    public async Task A_plan_is_created_inactive_read_listed_and_keeps_unknown_fields()
    {
        using var response = await PostJsonAsync(Absolute("propagation/plans"), new JsonObject { ["name"] = "Provisioning Plan", ["futureField"] = 42 });
        var created = await Json.ReadObjectAsync(response);
        var listed = await GetObjectAsync("propagation/plans");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(Absolute($"propagation/plans/{Id(created)}"), response.Headers.Location!.ToString());
        Assert.Equal("INACTIVE", Json.Text(created["status"]));
        Assert.Equal(42, created["futureField"]!.GetValue<int>());
        Assert.Equal(Info.EnvironmentId, Json.Text(created["environment"]!["id"]));
        Assert.Equal(created.ToJsonString(), listed["_embedded"]!["plans"]![0]!.ToJsonString());
    }

    [Theory]
    [InlineData(400, "INVALID_DATA")]
    [InlineData(409, "CONFLICT")]
    public async Task A_second_plan_is_refused_with_the_knobs_status_and_an_environment_detail(int status, string code)
    {
        await SetAsync(new JsonObject { ["secondPlanStatus"] = status });
        await CreatePlanAsync();

        using var response = await PostJsonAsync(Absolute("propagation/plans"), new JsonObject { ["name"] = "Another" });
        var error = await Json.ReadObjectAsync(response);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(code, Json.Text(error["code"]));
        Assert.Equal("The environment already has a propagation plan.", Json.Text(error["message"]));
        Assert.Equal([("INVALID_VALUE", "environment")], Json.Details(error));
        Assert.Single(State.Propagation.AllPlans);
    }

    [Fact]
    public async Task Plan_validation_names_each_bad_field()
    {
        using var response = await PostJsonAsync(Absolute("propagation/plans"), new JsonObject { ["status"] = "RUNNING" });

        Assert.Equal([("REQUIRED_VALUE", "name"), ("INVALID_VALUE", "status")], Json.Details(await Json.ReadObjectAsync(response)));
    }

    [Theory]
    [InlineData("ignored", HttpStatusCode.OK)]
    [InlineData("required", HttpStatusCode.OK)]
    [InlineData("inactiveOnly", HttpStatusCode.BadRequest)]
    public async Task Putting_a_plan_active_depends_on_the_plan_status_mode(string mode, HttpStatusCode expected)
    {
        await SetAsync(new JsonObject { ["planStatusMode"] = mode });
        var plan = await CreatePlanAsync();

        using var response = await PutJsonAsync(Absolute($"propagation/plans/{Id(plan)}"), new JsonObject { ["name"] = "Provisioning Plan", ["status"] = "ACTIVE" });
        var body = await Json.ReadObjectAsync(response);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal("ACTIVE", Json.Text(body["status"]));
        }
        else
        {
            Assert.Equal([("INVALID_VALUE", "status")], Json.Details(body));
            Assert.Equal("INACTIVE", State.Propagation.AllPlans[0].Status);
        }
    }

    [Fact]
    public async Task Put_requires_a_name_and_an_omitted_status_becomes_inactive()
    {
        var plan = await CreatePlanAsync();
        using var active = await PutJsonAsync(Absolute($"propagation/plans/{Id(plan)}"), new JsonObject { ["name"] = "P", ["status"] = "ACTIVE" });

        using var nameless = await PutJsonAsync(Absolute($"propagation/plans/{Id(plan)}"), new JsonObject { ["status"] = "ACTIVE" });
        using var renamed = await PutJsonAsync(Absolute($"propagation/plans/{Id(plan)}"), new JsonObject { ["name"] = "Renamed" });

        Assert.Equal([("REQUIRED_VALUE", "name")], Json.Details(await Json.ReadObjectAsync(nameless)));
        var body = await Json.ReadObjectAsync(renamed);
        Assert.Equal("Renamed", Json.Text(body["name"]));
        Assert.Equal("INACTIVE", Json.Text(body["status"]));
    }

    [Fact]
    public async Task Deleting_the_plan_removes_its_rules_and_their_mappings_but_not_the_stores()
    {
        var plan = await CreatePlanAsync();
        var source = await CreateDirectoryStoreAsync();
        var target = await CreateAqueraStoreAsync();
        var rule = await CreateRuleAsync(plan, source, target);
        await AddMappingAsync(rule, "username", "userName");

        using var delete = await Http.DeleteAsync(Absolute($"propagation/plans/{Id(plan)}"));
        using var gone = await Http.GetAsync(Absolute($"propagation/plans/{Id(plan)}"));

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        await AssertNotFoundAsync(gone, "propagation plan", Id(plan));
        Assert.Empty(State.Propagation.AllRules);
        Assert.Empty(State.Propagation.AllMappings);
        Assert.Equal(2, State.Stores.Count);
    }

    [Fact]
    public async Task Seed_console_creates_the_default_plan_and_the_directory_store_once()
    {
        using var first = await ControlPostAsync("/seed-console");
        using var second = await ControlPostAsync("/seed-console");
        var stores = await GetObjectAsync("propagation/stores");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal((await Json.ReadObjectAsync(first)).ToJsonString(), (await Json.ReadObjectAsync(second)).ToJsonString());
        Assert.Equal("Default Plan", State.Propagation.AllPlans[0].Name);
        var store = stores["_embedded"]!["stores"]!.AsArray().Single()!;
        Assert.Equal("directory", Json.Text(store["type"]));
        Assert.Equal("PingOne Directory", Json.Text(store["name"]));
        Assert.Null(store["configuration"]);
    }
}

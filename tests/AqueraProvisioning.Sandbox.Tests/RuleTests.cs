using System;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace AqueraProvisioning.Sandbox.Tests;

public sealed class RuleTests : PropagationTestBase
{
    private JsonObject plan = null!;
    private JsonObject source = null!;
    private JsonObject target = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        plan = await CreatePlanAsync();
        source = await CreateDirectoryStoreAsync();
        target = await CreateAqueraStoreAsync();
    }

    [Fact]
    public async Task A_rule_created_on_the_plan_path_answers_201_with_location_links_and_defaults()
    {
        var body = RuleBody(plan, source, target, expression: "population.id eq \"7a1d0c52-0000-4000-8000-000000000001\"");
        body.Remove("active");
        body["groups"] = new JsonArray(new JsonObject { ["id"] = "7a1d0c52-0000-4000-8000-000000000011" });
        body["customField"] = "kept";
        using var response = await PostJsonAsync(Absolute($"propagation/plans/{Id(plan)}/rules"), body);
        var rule = await Json.ReadObjectAsync(response);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(Absolute($"propagation/rules/{Id(rule)}"), response.Headers.Location!.ToString());
        Assert.Equal(Absolute($"propagation/plans/{Id(plan)}/rules"), Json.Text(rule["_links"]!["create"]!["href"]));
        Assert.False(rule["active"]!.GetValue<bool>());
        Assert.Equal(Id(target), Json.Text(rule["targetStore"]!["id"]));
        Assert.Equal("7a1d0c52-0000-4000-8000-000000000011", Json.Text(rule["groups"]![0]!["id"]));
        Assert.Equal("kept", Json.Text(rule["customField"]));
        Assert.Equal(rule.ToJsonString(), (await GetObjectAsync($"propagation/rules/{Id(rule)}")).ToJsonString());
    }

    [Fact]
    public async Task Every_bad_rule_field_gets_its_own_detail()
    {
        using var response = await PostJsonAsync(Absolute("propagation/rules"), new JsonObject
        {
            ["sourceStore"] = new JsonObject { ["id"] = Guid.NewGuid().ToString() },
            ["targetStore"] = new JsonObject(),
            ["name"] = new string('n', 257),
            ["active"] = "true",
            ["populationExpression"] = "population.id eq",
            ["groups"] = new JsonArray(new JsonObject { ["id"] = Guid.NewGuid().ToString() }),
            ["description"] = 5,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            [
                ("INVALID_VALUE", "active"), ("INVALID_VALUE", "description"), ("INVALID_VALUE", "groups[0].id"), ("INVALID_VALUE", "name"),
                ("REQUIRED_VALUE", "plan.id"), ("INVALID_VALUE", "populationExpression"), ("INVALID_VALUE", "sourceStore.id"), ("REQUIRED_VALUE", "targetStore.id"),
            ],
            Json.Details(await Json.ReadObjectAsync(response)));
        Assert.Empty(State.Propagation.AllRules);
    }

    [Fact]
    public async Task Rule_names_are_unique_in_a_plan_whatever_the_case()
    {
        await CreateRuleAsync(plan, source, target, "Sales");

        using var response = await PostJsonAsync(Absolute("propagation/rules"), RuleBody(plan, source, target, "SALES"));

        Assert.Equal([("INVALID_VALUE", "name")], Json.Details(await Json.ReadObjectAsync(response)));
    }

    [Fact]
    public async Task A_plan_path_create_naming_another_plan_in_the_body_is_refused()
    {
        var body = RuleBody(plan, source, target);
        body["plan"] = new JsonObject { ["id"] = Guid.NewGuid().ToString() };

        using var response = await PostJsonAsync(Absolute($"propagation/plans/{Id(plan)}/rules"), body);

        Assert.Equal([("INVALID_VALUE", "plan.id")], Json.Details(await Json.ReadObjectAsync(response)));
    }

    [Theory]
    [InlineData("both", HttpStatusCode.Created, HttpStatusCode.Created)]
    [InlineData("planOnly", HttpStatusCode.Created, HttpStatusCode.MethodNotAllowed)]
    [InlineData("flatOnly", HttpStatusCode.NotFound, HttpStatusCode.Created)]
    public async Task The_rule_create_path_knob_picks_which_paths_create(string setting, HttpStatusCode planPath, HttpStatusCode flatPath)
    {
        await SetAsync(new JsonObject { ["ruleCreatePath"] = setting });

        using var viaPlan = await PostJsonAsync(Absolute($"propagation/plans/{Id(plan)}/rules"), RuleBody(plan, source, target, "A"));
        using var viaFlat = await PostJsonAsync(Absolute("propagation/rules"), RuleBody(plan, source, target, "B"));

        Assert.Equal(planPath, viaPlan.StatusCode);
        Assert.Equal(flatPath, viaFlat.StatusCode);
        if (flatPath == HttpStatusCode.MethodNotAllowed)
        {
            Assert.Equal("METHOD_NOT_ALLOWED", Json.Text((await Json.ReadObjectAsync(viaFlat))["code"]));
        }

        Assert.Equal(new[] { planPath, flatPath }.Count(s => s == HttpStatusCode.Created), State.Propagation.AllRules.Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_returns_id_knob_decides_whether_the_create_answer_names_the_rule(bool returnsId)
    {
        await SetAsync(new JsonObject { ["ruleCreateReturnsId"] = returnsId });

        using var response = await PostJsonAsync(Absolute($"propagation/plans/{Id(plan)}/rules"), RuleBody(plan, source, target));
        var body = await Json.ReadObjectAsync(response);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(returnsId, body["id"] is not null);
        Assert.Equal(returnsId, response.Headers.Location is not null);
        Assert.Equal("Outbound", Json.Text(body["name"]));
        Assert.Single(State.Propagation.AllRules);
    }

    [Theory]
    [InlineData("embedded")]
    [InlineData("items")]
    [InlineData("array")]
    public async Task The_list_shape_knob_picks_the_shape_of_both_rule_lists(string shape)
    {
        await SetAsync(new JsonObject { ["ruleListShape"] = shape });
        var rule = await CreateRuleAsync(plan, source, target);

        foreach (var path in new[] { "propagation/rules", $"propagation/plans/{Id(plan)}/rules" })
        {
            using var response = await Http.GetAsync(Absolute(path));
            var node = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            var items = shape switch
            {
                "embedded" => node["_embedded"]!["rules"]!.AsArray(),
                "items" => node["items"]!.AsArray(),
                _ => node.AsArray(),
            };
            Assert.Equal([Id(rule)], items.Select(item => Json.Text(item!["id"])));
        }
    }

    [Fact]
    public async Task Put_is_a_full_replace_and_the_stores_and_plan_cannot_change()
    {
        var body = RuleBody(plan, source, target, expression: "username eq \"x\"");
        body["description"] = "first";
        body["groups"] = new JsonArray(new JsonObject { ["id"] = "7a1d0c52-0000-4000-8000-000000000011" });
        var rule = await CreateAsync("propagation/rules", body);
        var other = await CreateAqueraStoreAsync();

        using var moved = await PutJsonAsync(Absolute($"propagation/rules/{Id(rule)}"), RuleBody(plan, source, other));
        using var replaced = await PutJsonAsync(Absolute($"propagation/rules/{Id(rule)}"), new JsonObject { ["name"] = "Renamed" });
        var after = await Json.ReadObjectAsync(replaced);

        Assert.Equal([("INVALID_VALUE", "targetStore.id")], Json.Details(await Json.ReadObjectAsync(moved)));
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("Renamed", Json.Text(after["name"]));
        Assert.Equal(Id(target), Json.Text(after["targetStore"]!["id"]));
        Assert.Null(after["description"]);
        Assert.Null(after["populationExpression"]);
        Assert.Null(after["groups"]);
        Assert.False(after["active"]!.GetValue<bool>());
        Assert.Equal(Json.Text(rule["createdAt"]), Json.Text(after["createdAt"]));
    }

    [Fact]
    public async Task A_read_modify_write_keeps_unknown_fields()
    {
        var body = RuleBody(plan, source, target);
        body["futureSetting"] = new JsonObject { ["mode"] = "strict" };
        var rule = await CreateAsync("propagation/rules", body);

        var read = await GetObjectAsync($"propagation/rules/{Id(rule)}");
        read["description"] = "changed";
        using var put = await PutJsonAsync(Absolute($"propagation/rules/{Id(rule)}"), read);

        var after = await GetObjectAsync($"propagation/rules/{Id(rule)}");
        Assert.Equal("strict", Json.Text(after["futureSetting"]!["mode"]));
        Assert.Equal("changed", Json.Text(after["description"]));
    }

    [Fact]
    public async Task Activation_needs_an_enabled_target_store()
    {
        var disabled = await CreateAqueraStoreAsync(status: "INACTIVE");
        var rule = await CreateRuleAsync(plan, source, disabled);
        await AddMappingAsync(rule, "username", "userName");
        var body = await GetObjectAsync($"propagation/rules/{Id(rule)}");
        body["active"] = true;

        using var response = await PutJsonAsync(Absolute($"propagation/rules/{Id(rule)}"), body);
        var error = await Json.ReadObjectAsync(response);

        Assert.Equal([("INVALID_VALUE", "active")], Json.Details(error));
        Assert.Equal($"The target store {Json.Text(disabled["name"])} is disabled; enable it before activating the rule.", Json.Text(error["details"]![0]!["message"]));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Activating_a_rule_without_mappings_depends_on_the_knob(bool required)
    {
        await SetAsync(new JsonObject { ["activeRuleRequiresMappings"] = required });
        var body = RuleBody(plan, source, target);
        body["active"] = true;

        using var response = await PostJsonAsync(Absolute("propagation/rules"), body);

        if (required)
        {
            Assert.Equal([("INVALID_VALUE", "active")], Json.Details(await Json.ReadObjectAsync(response)));
        }
        else
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.True((await Json.ReadObjectAsync(response))["active"]!.GetValue<bool>());
        }
    }

    [Fact]
    public async Task A_rule_with_mappings_and_an_enabled_store_activates()
    {
        var rule = await CreateRuleAsync(plan, source, target);
        await AddMappingAsync(rule, "username", "userName");

        var active = await SetRuleActiveAsync(rule, true);

        Assert.True(active["active"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData(400, "INVALID_DATA")]
    [InlineData(409, "CONFLICT")]
    public async Task A_store_in_use_by_a_rule_cannot_be_deleted(int status, string code)
    {
        await SetAsync(new JsonObject { ["storeInUseStatus"] = status });
        await CreateRuleAsync(plan, source, target, "Sales outbound");

        using var asSource = await Http.DeleteAsync(Absolute($"propagation/stores/{Id(source)}"));
        using var asTarget = await Http.DeleteAsync(Absolute($"propagation/stores/{Id(target)}"));

        foreach (var response in new[] { asSource, asTarget })
        {
            var error = await Json.ReadObjectAsync(response);
            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal(code, Json.Text(error["code"]));
            Assert.Equal("The propagation store is in use by rule(s): Sales outbound.", Json.Text(error["message"]));
        }

        Assert.Equal(2, State.Stores.Count);
    }

    [Fact]
    public async Task Deleting_a_rule_removes_its_mappings_and_frees_its_stores()
    {
        var rule = await CreateRuleAsync(plan, source, target);
        var mapping = await AddMappingAsync(rule, "username", "userName");

        using var delete = await Http.DeleteAsync(Absolute($"propagation/rules/{Id(rule)}?deprovision=true"));
        using var mappingGone = await Http.GetAsync(Absolute($"propagation/mappings/{Id(mapping)}"));
        using var storeDelete = await Http.DeleteAsync(Absolute($"propagation/stores/{Id(target)}"));
        using var ruleGone = await Http.GetAsync(Absolute($"propagation/rules/{Id(rule)}"));

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, mappingGone.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, storeDelete.StatusCode);
        await AssertNotFoundAsync(ruleGone, "propagation rule", Id(rule));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_directory_store_needs_a_configuration_only_when_the_knob_says_so(bool required)
    {
        await SetAsync(new JsonObject { ["directoryConfigurationRequired"] = required });

        using var bare = await PostJsonAsync(StoresUrl, new JsonObject { ["type"] = "directory", ["name"] = "PingOne Directory" });
        using var withEmpty = await PostJsonAsync(StoresUrl, new JsonObject { ["type"] = "directory", ["name"] = "PingOne Directory", ["configuration"] = new JsonObject() });
        using var scimWithout = await PostJsonAsync(StoresUrl, new JsonObject { ["type"] = "scim", ["name"] = "Other" });

        Assert.Equal(required ? HttpStatusCode.BadRequest : HttpStatusCode.Created, bare.StatusCode);
        if (required)
        {
            Assert.Equal([("REQUIRED_VALUE", "configuration")], Json.Details(await Json.ReadObjectAsync(bare)));
        }

        Assert.Equal(HttpStatusCode.Created, withEmpty.StatusCode);
        Assert.Equal([("REQUIRED_VALUE", "configuration")], Json.Details(await Json.ReadObjectAsync(scimWithout)));
    }
}

using System;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace AqueraProvisioning.Sandbox.Tests;

public sealed class MappingTests : PropagationTestBase
{
    private JsonObject rule = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        rule = await CreateRuleAsync(await CreatePlanAsync(), await CreateDirectoryStoreAsync(), await CreateAqueraStoreAsync());
    }

    [Fact]
    public async Task Mappings_are_created_listed_read_and_replaced()
    {
        using var response = await PostJsonAsync(Absolute($"propagation/rules/{Id(rule)}/mappings"), new JsonObject
        {
            ["name"] = "username -> userName",
            ["sourceAttribute"] = "username",
            ["targetAttribute"] = "userName",
            ["attributeMappingType"] = "userAttributeMapping",
            ["extra"] = true,
        });
        var mapping = await Json.ReadObjectAsync(response);
        await AddExpressionMappingAsync(rule, "user.name.given + ' ' + user.name.family", "displayName");
        var listed = await GetObjectAsync($"propagation/rules/{Id(rule)}/mappings");

        mapping["targetAttribute"] = "externalId";
        mapping["sourceAttribute"] = "accountId";
        using var put = await PutJsonAsync(Absolute($"propagation/mappings/{Id(mapping)}"), mapping);
        var replaced = await Json.ReadObjectAsync(put);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(Absolute($"propagation/mappings/{Id(mapping)}"), response.Headers.Location!.ToString());
        Assert.Equal(Id(rule), Json.Text(mapping["rule"]!["id"]));
        Assert.Equal(["userName", "displayName"], listed["_embedded"]!["mappings"]!.AsArray().Select(m => Json.Text(m!["targetAttribute"])));
        Assert.Equal(2, listed["count"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("externalId", Json.Text(replaced["targetAttribute"]));
        Assert.True(replaced["extra"]!.GetValue<bool>());
        Assert.Equal(replaced.ToJsonString(), (await GetObjectAsync($"propagation/mappings/{Id(mapping)}")).ToJsonString());
    }

    [Theory]
    [InlineData("{}", "REQUIRED_VALUE", "sourceAttribute", "REQUIRED_VALUE", "targetAttribute")]
    [InlineData("{\"sourceAttribute\":\"username\",\"expression\":\"'x'\",\"targetAttribute\":\"userName\"}", "INVALID_VALUE", "sourceAttribute", null, null)]
    [InlineData("{\"sourceAttribute\":\"shoeSize\",\"targetAttribute\":\"userName\"}", "INVALID_VALUE", "sourceAttribute", null, null)]
    [InlineData("{\"expression\":\"user.name.given+user.name.family\",\"targetAttribute\":\"displayName\"}", "INVALID_VALUE", "expression", null, null)]
    [InlineData("{\"expression\":\"#string.reverse(user.username)\",\"targetAttribute\":\"displayName\"}", "INVALID_VALUE", "expression", null, null)]
    [InlineData("{\"sourceAttribute\":\"username\",\"targetAttribute\":\"emails[type eq \\\"work\\\"\"}", "INVALID_VALUE", "targetAttribute", null, null)]
    [InlineData("{\"sourceAttribute\":\"username\",\"targetAttribute\":\"userName\",\"attributeMappingType\":\"other\"}", "INVALID_VALUE", "attributeMappingType", null, null)]
    public async Task Bad_mappings_are_refused_with_a_detail_per_field(string body, string code, string target, string? code2, string? target2)
    {
        using var response = await PostJsonAsync(Absolute($"propagation/rules/{Id(rule)}/mappings"), JsonNode.Parse(body)!);

        (string, string)[] expected = code2 is null ? [(code, target)] : [(code, target), (code2, target2!)];
        Assert.Equal(expected, Json.Details(await Json.ReadObjectAsync(response)));
        Assert.Empty(State.Propagation.AllMappings);
    }

    [Fact]
    public async Task A_mapping_cannot_move_to_another_rule()
    {
        var mapping = await AddMappingAsync(rule, "username", "userName");
        var other = await CreateRuleAsync(await GetObjectAsync($"propagation/plans/{Json.Text(rule["plan"]!["id"])}"), await CreateDirectoryStoreAsync(), await CreateAqueraStoreAsync(), "Other");
        mapping["rule"] = new JsonObject { ["id"] = Id(other) };

        using var response = await PutJsonAsync(Absolute($"propagation/mappings/{Id(mapping)}"), mapping);

        Assert.Equal([("INVALID_VALUE", "rule.id")], Json.Details(await Json.ReadObjectAsync(response)));
        Assert.Equal(Id(rule), State.Propagation.AllMappings.Single().Content.RuleId.ToString());
    }

    [Fact]
    public async Task An_unknown_source_attribute_lists_the_allowed_ones()
    {
        using var response = await PostJsonAsync(Absolute($"propagation/rules/{Id(rule)}/mappings"), new JsonObject { ["sourceAttribute"] = "shoeSize", ["targetAttribute"] = "userName" });

        var allowed = (await Json.ReadObjectAsync(response))["details"]![0]!["innerError"]!["allowedValues"]!.AsArray().Select(v => Json.Text(v));
        Assert.Contains("name.given", allowed);
        Assert.Contains("population.name", allowed);
    }

    [Fact]
    public async Task Two_mappings_cannot_write_the_same_target()
    {
        await AddMappingAsync(rule, "username", "userName");

        using var response = await PostJsonAsync(Absolute($"propagation/rules/{Id(rule)}/mappings"), new JsonObject { ["sourceAttribute"] = "email", ["targetAttribute"] = "USERNAME" });

        Assert.Equal([("INVALID_VALUE", "targetAttribute")], Json.Details(await Json.ReadObjectAsync(response)));
    }

    [Theory]
    [InlineData(false, HttpStatusCode.Created)]
    [InlineData(true, HttpStatusCode.BadRequest)]
    public async Task A_nameless_mapping_depends_on_the_name_knob(bool required, HttpStatusCode expected)
    {
        await SetAsync(new JsonObject { ["mappingNameRequired"] = required });

        using var response = await PostJsonAsync(Absolute($"propagation/rules/{Id(rule)}/mappings"), new JsonObject { ["sourceAttribute"] = "username", ["targetAttribute"] = "userName" });

        Assert.Equal(expected, response.StatusCode);
        if (required)
        {
            Assert.Equal([("REQUIRED_VALUE", "name")], Json.Details(await Json.ReadObjectAsync(response)));
        }
    }

    [Theory]
    [InlineData("both", HttpStatusCode.NoContent, HttpStatusCode.NoContent)]
    [InlineData("singular", HttpStatusCode.MethodNotAllowed, HttpStatusCode.NoContent)]
    [InlineData("plural", HttpStatusCode.NoContent, HttpStatusCode.NotFound)]
    public async Task The_delete_path_knob_picks_which_mapping_delete_works(string setting, HttpStatusCode plural, HttpStatusCode singular)
    {
        await SetAsync(new JsonObject { ["mappingDeletePath"] = setting });
        var first = await AddMappingAsync(rule, "username", "userName");
        var second = await AddMappingAsync(rule, "email", "emails[type eq \"work\"].value");

        using var viaPlural = await Http.DeleteAsync(Absolute($"propagation/mappings/{Id(first)}"));
        using var viaSingular = await Http.DeleteAsync(Absolute($"propagation/mapping/{Id(second)}"));

        Assert.Equal(plural, viaPlural.StatusCode);
        Assert.Equal(singular, viaSingular.StatusCode);
        Assert.Equal(new[] { plural, singular }.Count(s => s != HttpStatusCode.NoContent), State.Propagation.AllMappings.Count);
    }

    [Fact]
    public async Task Deleting_an_unknown_mapping_is_404_naming_the_kind()
    {
        var id = Guid.NewGuid();
        using var response = await Http.DeleteAsync(Absolute($"propagation/mappings/{id}"));

        await AssertNotFoundAsync(response, "propagation mapping", id);
    }

    [Fact]
    public async Task Mappings_of_an_unknown_rule_are_404()
    {
        using var response = await PostJsonAsync(Absolute($"propagation/rules/{Guid.NewGuid()}/mappings"), new JsonObject { ["sourceAttribute"] = "username", ["targetAttribute"] = "userName" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

using System;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace AqueraProvisioning.Sandbox.Tests;

/// <summary>An outbound rule from the seeded directory to an Aquera store, and ways to watch what the engine sends.</summary>
public abstract class EngineTestBase : PropagationTestBase
{
    protected const string DefaultPopulation = "7a1d0c52-0000-4000-8000-000000000001";
    protected const string ContractorsPopulation = "7a1d0c52-0000-4000-8000-000000000002";
    protected const string SalesGroup = "7a1d0c52-0000-4000-8000-000000000011";

    /// <summary>The four users of the Default population, which the default scope selects.</summary>
    protected static readonly string[] DefaultUsers = ["alice.anders", "bob.baker", "carol.chen", "dave.diaz"];

    protected static string InPopulation(string populationId) => $"population.id eq \"{populationId}\"";

    /// <summary>
    /// Plan, directory store, an ACTIVE Aquera store (all preferences on, REMOVE_ACTION Disable unless
    /// <paramref name="configure"/> changes them), a rule with the four default mappings, activated.
    /// </summary>
    protected async Task<Outbound> SetUpOutboundAsync(
        Action<JsonObject>? configure = null,
        string? expression = "population.id eq \"" + DefaultPopulation + "\"",
        bool activate = true,
        string? scimUrl = null,
        bool managed = false,
        Action<JsonObject>? ruleBody = null)
    {
        var plan = await CreatePlanAsync();
        var source = await CreateDirectoryStoreAsync();
        var target = await CreateAqueraStoreAsync(configuration =>
        {
            configuration["CREATE_USERS"] = true;
            configuration["UPDATE_USERS"] = true;
            configuration["DISABLE_USERS"] = true;
            configuration["REMOVE_ACTION"] = "Disable";
            configure?.Invoke(configuration);
        }, scimUrl, managed: managed);
        var body = RuleBody(plan, source, target, expression: expression);
        ruleBody?.Invoke(body);
        var rule = await CreateAsync($"propagation/plans/{Id(plan)}/rules", body);
        await AddMappingAsync(rule, "username", "userName");
        await AddMappingAsync(rule, "name.given", "name.givenName");
        await AddMappingAsync(rule, "name.family", "name.familyName");
        await AddMappingAsync(rule, "email", "emails[type eq \"work\"].value");
        if (activate)
        {
            rule = await SetRuleActiveAsync(rule, true);
        }

        return new Outbound(plan, source, target, rule);
    }

    /// <summary>Creates a revision and waits until the engine has finished what it started.</summary>
    protected async Task<JsonObject> ReviseAndWaitAsync()
    {
        using var revision = await PostRevisionAsync();
        var body = await Json.ReadObjectAsync(revision);
        await WaitForEngineAsync();
        return body;
    }

    protected async Task WaitForEngineAsync()
    {
        using var response = await ControlPostAsync("/engine/wait", new JsonObject { ["timeoutMs"] = 20_000 });
        var body = await Json.ReadObjectAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToJsonString());
        Assert.Null(body["lastError"]);
    }

    /// <summary>What the fake Aquera service holds, by userName.</summary>
    protected async Task<JsonObject[]> ScimUsersAsync(SandboxInfo? of = null)
    {
        using var response = await Http.GetAsync((of ?? Info).ControlUrl + "/scim/users");
        var body = await Json.ReadObjectAsync(response);
        return [.. body["Resources"]!.AsArray().Select(user => (JsonObject)user!)];
    }

    protected static string[] UserNames(JsonObject[] users) => [.. users.Select(user => Json.Text(user["userName"])).Order(StringComparer.Ordinal)];

    protected static JsonObject Named(JsonObject[] users, string userName) => users.Single(user => Json.Text(user["userName"]) == userName);

    protected async Task<JsonObject> SyncStatusAsync(JsonObject store) => (JsonObject)(await GetObjectAsync($"propagation/stores/{Id(store)}"))["syncStatus"]!;

    protected string UserId(string username) => State.Directory.FindUserByUsername(username)!.Id.ToString();

    protected async Task<JsonObject> SyncedRuleAsync(string username, JsonObject rule) => await GetObjectAsync($"users/{UserId(username)}/syncedRules/{Id(rule)}");

    protected async Task PatchUserAsync(string username, JsonObject patch)
    {
        using var response = await PatchJsonAsync(Absolute($"users/{UserId(username)}"), patch);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    protected async Task SetEnabledAsync(string username, bool enabled)
    {
        using var response = await PutJsonAsync(Absolute($"users/{UserId(username)}/enabled"), new JsonObject { ["enabled"] = enabled });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>GET → change the configuration → PUT a store, as the module's read-modify-write does.</summary>
    protected async Task UpdateStoreAsync(JsonObject store, Action<JsonObject> change)
    {
        var current = await GetObjectAsync($"propagation/stores/{Id(store)}");
        change(current);
        using var response = await PutJsonAsync(Absolute($"propagation/stores/{Id(store)}"), current);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The set-up <see cref="SetUpOutboundAsync"/> made.</summary>
    protected sealed record Outbound(JsonObject Plan, JsonObject Source, JsonObject Target, JsonObject Rule);
}

using System;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace AqueraProvisioning.Sandbox.Tests;

/// <summary>Builds the outbound set-up (plan, directory store, Aquera store, rule, mappings) through the API.</summary>
public abstract class PropagationTestBase : SandboxTestBase
{
    protected Task<JsonObject> CreatePlanAsync(string name = "Provisioning Plan") =>
        CreateAsync("propagation/plans", new JsonObject { ["name"] = name });

    protected Task<JsonObject> CreateDirectoryStoreAsync() =>
        CreateAsync("propagation/stores", new JsonObject { ["type"] = "directory", ["name"] = "PingOne Directory" });

    /// <summary>An ACTIVE Aquera bearer store on this sandbox's SCIM service (or <paramref name="scimUrl"/>).</summary>
    protected Task<JsonObject> CreateAqueraStoreAsync(Action<JsonObject>? configure = null, string? scimUrl = null, string status = "ACTIVE", bool managed = false)
    {
        var body = StoreBodies.Bearer(Info, name: "Aquera " + Guid.NewGuid().ToString("N")[..6]);
        body["status"] = status;
        body["managed"] = managed;
        var configuration = (JsonObject)body["configuration"]!;
        configuration["DISABLE_USERS"] = true;
        if (scimUrl is not null)
        {
            configuration["SCIM_URL"] = scimUrl;
        }

        configure?.Invoke(configuration);
        return CreateAsync("propagation/stores", body);
    }

    protected static JsonObject RuleBody(JsonObject plan, JsonObject source, JsonObject target, string name = "Outbound", string? expression = null)
    {
        var body = new JsonObject
        {
            ["plan"] = new JsonObject { ["id"] = Id(plan) },
            ["sourceStore"] = new JsonObject { ["id"] = Id(source) },
            ["targetStore"] = new JsonObject { ["id"] = Id(target) },
            ["name"] = name,
            ["active"] = false,
        };
        if (expression is not null)
        {
            body["populationExpression"] = expression;
        }

        return body;
    }

    protected Task<JsonObject> CreateRuleAsync(JsonObject plan, JsonObject source, JsonObject target, string name = "Outbound", string? expression = null) =>
        CreateAsync($"propagation/plans/{Id(plan)}/rules", RuleBody(plan, source, target, name, expression));

    protected Task<JsonObject> AddMappingAsync(JsonObject rule, string source, string target) =>
        CreateAsync($"propagation/rules/{Id(rule)}/mappings", new JsonObject { ["sourceAttribute"] = source, ["targetAttribute"] = target });

    protected Task<JsonObject> AddExpressionMappingAsync(JsonObject rule, string expression, string target) =>
        CreateAsync($"propagation/rules/{Id(rule)}/mappings", new JsonObject { ["expression"] = expression, ["targetAttribute"] = target });

    /// <summary>GET the rule, set active, PUT it back: the module's read-modify-write.</summary>
    protected async Task<JsonObject> SetRuleActiveAsync(JsonObject rule, bool active)
    {
        var current = await GetObjectAsync($"propagation/rules/{Id(rule)}");
        current["active"] = active;
        using var response = await PutJsonAsync(Absolute($"propagation/rules/{Id(rule)}"), current);
        var body = await Json.ReadObjectAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToJsonString());
        return body;
    }

    protected async Task<HttpResponseMessage> PostRevisionAsync()
    {
        var response = await Http.PostAsync(RevisionsUrl, null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return response;
    }

    protected static string Id(JsonObject resource) => Json.Text(resource["id"]);
}

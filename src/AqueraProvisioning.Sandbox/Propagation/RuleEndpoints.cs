using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// Rules: create on <c>/propagation/plans/{id}/rules</c> and <c>/propagation/rules</c> (knob <c>ruleCreatePath</c>),
/// list on both (knob <c>ruleListShape</c>), <c>GET|PUT|DELETE /propagation/rules/{id}</c> with
/// <c>?deprovision=true</c>. Deleting a rule removes its mappings.
/// </summary>
internal static class RuleEndpoints
{
    public const string Kind = "propagation rule";

    public static void Map(IEndpointRouteBuilder routes, SandboxState state)
    {
        routes.MapGet(Routes.Rules, context => ListAsync(context, state, null));
        routes.MapGet(Routes.PlanRules, async context =>
        {
            if (await PlanEndpoints.FindAsync(context, state) is { } plan)
            {
                await ListAsync(context, state, plan.Id);
            }
        });
        routes.MapPost(Routes.Rules, context => CreateOnFlatPathAsync(context, state));
        routes.MapPost(Routes.PlanRules, context => CreateOnPlanPathAsync(context, state));
        ItemEndpoint.MapGet(routes, Routes.Rule, context => FindAsync(context, state), rule => RuleJson.Render(rule, state.Info));
        routes.MapPut(Routes.Rule, context => ReplaceAsync(context, state));
        routes.MapDelete(Routes.Rule, async context =>
        {
            if (await FindAsync(context, state) is not { } rule)
            {
                return;
            }

            var deprovision = string.Equals(context.Request.Query["deprovision"].ToString(), "true", StringComparison.OrdinalIgnoreCase);
            await WriteAnswer.DeletedAsync(context, state.Propagation.RemoveRule(rule.Id, deprovision), Kind, rule.Id);
        });
    }

    private static Task ReplaceAsync(HttpContext context, SandboxState state) =>
        WriteAnswer.ReplaceAsync(context, () => FindAsync(context, state), (body, current, errors) => Replace(state, body, current, errors), Kind, rule => RuleJson.Render(rule, state.Info));

    public static Task<RuleRecord?> FindAsync(HttpContext context, SandboxState state) =>
        ResourceLookup.FindOrNotFoundAsync(context, state.Propagation.Rules, "ruleId", Kind);

    private static Task ListAsync(HttpContext context, SandboxState state, Guid? planId)
    {
        var rules = state.Propagation.Rules;
        Predicate<RuleRecord>? match = planId is { } plan ? rule => rule.Content.PlanId == plan : null;
        var url = planId is { } id ? ApiUrls.Item(state.Info, PlanEndpoints.Path, id) + "/rules" : ApiUrls.Collection(state.Info, RuleJson.Path);
        var shape = state.Settings.Propagation.RuleListShape;
        if (shape == "embedded")
        {
            return ListEndpoint.WriteAsync(context, state, rules, url, "rules", rule => RuleJson.Render(rule, state.Info), match);
        }

        var all = new JsonArray([.. rules.Where(match ?? (_ => true)).Select(rule => (JsonNode?)RuleJson.Render(rule, state.Info))]);
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, shape == "items" ? new JsonObject { ["items"] = all } : all);
    }

    private static Task CreateOnFlatPathAsync(HttpContext context, SandboxState state) =>
        state.Settings.Propagation.RuleCreatePath == "planOnly"
            ? PingOneError.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED", $"Method not allowed: POST {context.Request.Path}")
            : CreateAsync(context, state, null);

    private static async Task CreateOnPlanPathAsync(HttpContext context, SandboxState state)
    {
        if (state.Settings.Propagation.RuleCreatePath == "flatOnly")
        {
            await PingOneError.NotFoundAsync(context, $"Not Found: POST {context.Request.Path}");
            return;
        }

        if (await PlanEndpoints.FindAsync(context, state) is { } plan)
        {
            await CreateAsync(context, state, plan.Id);
        }
    }

    private static async Task CreateAsync(HttpContext context, SandboxState state, Guid? pathPlanId)
    {
        if (await RequestJson.ReadJsonBodyAsync(context) is not { } body)
        {
            return;
        }

        var errors = new ValidationErrors();
        var model = state.Propagation;
        var rule = model.Locked(() =>
        {
            var now = IsoTime.Now();
            return RuleValidator.Validate(body, state, null, pathPlanId, errors) is { } content
                ? model.Rules.Add((id, sequence) => new RuleRecord(id, sequence, content, now, now))
                : null;
        });
        if (rule is null)
        {
            await PingOneError.InvalidDataAsync(context, errors.Details);
            return;
        }

        var rendered = RuleJson.Render(rule, state.Info);
        if (state.Settings.Propagation.RuleCreateReturnsId)
        {
            context.Response.Headers.Location = RuleJson.Url(state.Info, rule.Id);
        }
        else
        {
            // As the community provider saw it: the rule exists, but the answer does not say which one it is.
            rendered.Remove("id");
            ((JsonObject)rendered["_links"]!).Remove("self");
        }

        await JsonResponse.WriteAsync(context, StatusCodes.Status201Created, rendered);
    }

    private static RuleRecord? Replace(SandboxState state, JsonObject body, RuleRecord current, ValidationErrors errors)
    {
        var model = state.Propagation;
        return model.Locked(() =>
        {
            var latest = model.Rules.Find(current.Id);
            return latest is not null && RuleValidator.Validate(body, state, latest, null, errors) is { } content
                ? model.Rules.Replace(latest.Id, rule => rule with { Content = content, UpdatedAt = IsoTime.After(rule.UpdatedAt) })
                : null;
        });
    }
}

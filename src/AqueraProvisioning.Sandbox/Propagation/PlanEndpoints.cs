using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// <c>GET|POST /propagation/plans</c> and <c>GET|PUT|DELETE /propagation/plans/{id}</c>. One plan per environment
/// (the second is refused with the <c>secondPlanStatus</c> knob's status); deleting a plan removes its rules and
/// their mappings.
/// </summary>
internal static class PlanEndpoints
{
    public const string Kind = "propagation plan";
    public const string Path = "propagation/plans";
    private static readonly string[] KnownFields = ["name", "status"];

    public static void Map(IEndpointRouteBuilder routes, SandboxState state)
    {
        var plans = state.Propagation.Plans;
        routes.MapGet(Routes.Plans, context =>
            ListEndpoint.WriteAsync(context, state, plans, ApiUrls.Collection(state.Info, Path), "plans", plan => Render(plan, state.Info)));
        routes.MapPost(Routes.Plans, context => CreateAsync(context, state));
        ItemEndpoint.MapGet(routes, Routes.Plan, context => FindAsync(context, state), plan => Render(plan, state.Info));
        routes.MapPut(Routes.Plan, context => ReplaceAsync(context, state));
        routes.MapDelete(Routes.Plan, async context =>
        {
            if (await FindAsync(context, state) is not { } plan)
            {
                return;
            }

            await WriteAnswer.DeletedAsync(context, state.Propagation.RemovePlan(plan.Id), Kind, plan.Id);
        });
    }

    private static Task ReplaceAsync(HttpContext context, SandboxState state) =>
        WriteAnswer.ReplaceAsync(context, () => FindAsync(context, state), (body, current, errors) => Replace(state, body, current, errors), Kind, plan => Render(plan, state.Info));

    public static Task<PlanRecord?> FindAsync(HttpContext context, SandboxState state) =>
        ResourceLookup.FindOrNotFoundAsync(context, state.Propagation.Plans, "planId", Kind);

    private static async Task CreateAsync(HttpContext context, SandboxState state)
    {
        if (await RequestJson.ReadJsonBodyAsync(context) is not { } body)
        {
            return;
        }

        var settings = state.Settings.Propagation;
        var errors = new ValidationErrors();
        var plans = state.Propagation.Plans;
        var secondPlan = false;
        var plan = state.Propagation.Locked(() =>
        {
            if (plans.Count > 0)
            {
                secondPlan = true;
                return null;
            }

            var (name, status) = Validate(body, settings, errors);
            var now = IsoTime.Now();
            return errors.Count > 0 ? null : plans.Add((id, sequence) => new PlanRecord(id, sequence, name!, status, ExtraFields.Keep(body, KnownFields), now, now));
        });
        if (secondPlan)
        {
            var conflict = settings.SecondPlanStatus == StatusCodes.Status409Conflict;
            await PingOneError.WriteAsync(
                context,
                settings.SecondPlanStatus,
                conflict ? "CONFLICT" : "INVALID_DATA",
                "The environment already has a propagation plan.",
                [new PingOneErrorDetail("INVALID_VALUE", "environment", "The environment already has a propagation plan.")]);
            return;
        }

        await WriteAnswer.CreatedAsync(context, plan, errors, p => ApiUrls.Item(state.Info, Path, p.Id), p => Render(p, state.Info));
    }

    private static PlanRecord? Replace(SandboxState state, JsonObject body, PlanRecord current, ValidationErrors errors)
    {
        var (name, status) = Validate(body, state.Settings.Propagation, errors);
        return errors.Count > 0 ? null : state.Propagation.Plans.Replace(current.Id, plan => plan with
        {
            Name = name!,
            Status = status,
            Extra = ExtraFields.Keep(body, KnownFields),
            UpdatedAt = IsoTime.After(plan.UpdatedAt),
        });
    }

    /// <summary>Name and status; in <c>inactiveOnly</c> mode only INACTIVE is a status (as in the spec's enum).</summary>
    private static (string? Name, string Status) Validate(JsonObject body, PropagationSettings settings, ValidationErrors errors)
    {
        var name = JsonFields.String(body, "name", "name", errors, required: true, StoreValidator.MaxNameLength);
        var statuses = settings.PlanStatusMode == "inactiveOnly" ? [StoreValidator.Inactive] : StoreValidator.Statuses;
        var status = JsonFields.OneOf(body, "status", "status", statuses, errors, required: false) ?? StoreValidator.Inactive;
        return (name, status);
    }

    private static JsonObject Render(PlanRecord plan, SandboxInfo info)
    {
        var json = ResourceJson.Start(ApiUrls.Item(info, Path, plan.Id), plan.Id, info);
        json["name"] = plan.Name;
        json["status"] = plan.Status;
        ExtraFields.AddTo(json, plan.Extra);
        return ResourceJson.Finish(json, plan.CreatedAt, plan.UpdatedAt);
    }
}

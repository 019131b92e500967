using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// <c>GET|POST /propagation/rules/{id}/mappings</c>, <c>GET|PUT /propagation/mappings/{id}</c> and the delete on
/// the plural or singular path (knob <c>mappingDeletePath</c>).
/// </summary>
internal static class MappingEndpoints
{
    public const string Kind = "propagation mapping";
    public const string Path = "propagation/mappings";

    public static void Map(IEndpointRouteBuilder routes, SandboxState state)
    {
        var model = state.Propagation;
        ListEndpoint.MapChildren(
            routes,
            Routes.RuleMappings,
            state,
            context => RuleEndpoints.FindAsync(context, state),
            new ChildList<RuleRecord, MappingRecord>(
                model.Mappings,
                rule => RuleJson.Url(state.Info, rule.Id) + "/mappings",
                "mappings",
                mapping => Render(mapping, state.Info),
                rule => mapping => mapping.Content.RuleId == rule.Id));
        routes.MapPost(Routes.RuleMappings, context => CreateAsync(context, state));
        ItemEndpoint.MapGet(routes, Routes.Mapping, context => FindAsync(context, state), mapping => Render(mapping, state.Info));
        routes.MapPut(Routes.Mapping, context => ReplaceAsync(context, state));
        routes.MapDelete(Routes.Mapping, context => DeleteAsync(context, state, "singular", StatusCodes.Status405MethodNotAllowed));
        routes.MapDelete(Routes.MappingSingular, context => DeleteAsync(context, state, "plural", StatusCodes.Status404NotFound));
    }

    private static Task ReplaceAsync(HttpContext context, SandboxState state) =>
        WriteAnswer.ReplaceAsync(context, () => FindAsync(context, state), (body, current, errors) => Replace(state, body, current, errors), Kind, m => Render(m, state.Info));

    private static Task<MappingRecord?> FindAsync(HttpContext context, SandboxState state) =>
        ResourceLookup.FindOrNotFoundAsync(context, state.Propagation.Mappings, "mappingId", Kind);

    private static async Task CreateAsync(HttpContext context, SandboxState state)
    {
        if (await RuleEndpoints.FindAsync(context, state) is not { } rule || await RequestJson.ReadJsonBodyAsync(context) is not { } body)
        {
            return;
        }

        var errors = new ValidationErrors();
        var model = state.Propagation;
        var ruleGone = false;
        var mapping = model.Locked(() =>
        {
            if (model.Rules.Find(rule.Id) is null)
            {
                ruleGone = true;
                return null;
            }

            var now = IsoTime.Now();
            return MappingValidator.Validate(body, state, rule.Id, null, errors) is { } content
                ? model.Mappings.Add((id, sequence) => new MappingRecord(id, sequence, content, now, now))
                : null;
        });
        if (ruleGone)
        {
            await ResourceLookup.NotFoundAsync(context, RuleEndpoints.Kind, rule.Id.ToString());
            return;
        }

        await WriteAnswer.CreatedAsync(context, mapping, errors, m => ApiUrls.Item(state.Info, Path, m.Id), m => Render(m, state.Info));
    }

    private static MappingRecord? Replace(SandboxState state, JsonObject body, MappingRecord current, ValidationErrors errors)
    {
        var model = state.Propagation;
        return model.Locked(() =>
            MappingValidator.Validate(body, state, current.Content.RuleId, current, errors) is { } content
                ? model.Mappings.Replace(current.Id, mapping => mapping with { Content = content, UpdatedAt = IsoTime.After(mapping.UpdatedAt) })
                : null);
    }

    /// <summary>
    /// A delete on one of the two paths. When the knob allows only the <paramref name="otherOnly"/> path, this one answers
    /// <paramref name="refusal"/> (405 for the plural, 404 for the singular, as the contract has it).
    /// </summary>
    private static async Task DeleteAsync(HttpContext context, SandboxState state, string otherOnly, int refusal)
    {
        if (state.Settings.Propagation.MappingDeletePath == otherOnly)
        {
            var code = refusal == StatusCodes.Status405MethodNotAllowed ? "METHOD_NOT_ALLOWED" : "NOT_FOUND";
            await PingOneError.WriteAsync(context, refusal, code, $"{Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(refusal)}: DELETE {context.Request.Path}");
            return;
        }

        if (await FindAsync(context, state) is not { } mapping)
        {
            return;
        }

        await WriteAnswer.DeletedAsync(context, state.Propagation.Mappings.Remove(mapping.Id) is not null, Kind, mapping.Id);
    }

    private static JsonObject Render(MappingRecord mapping, SandboxInfo info)
    {
        var content = mapping.Content;
        var json = ResourceJson.Start(ApiUrls.Item(info, Path, mapping.Id), mapping.Id, info);
        ((JsonObject)json["_links"]!)["rule"] = Links.Href(RuleJson.Url(info, content.RuleId));
        json["rule"] = ResourceJson.Reference(content.RuleId);
        if (content.Name is not null)
        {
            json["name"] = content.Name;
        }

        if (content.SourceAttribute is not null)
        {
            json["sourceAttribute"] = content.SourceAttribute;
        }

        if (content.Expression is not null)
        {
            json["expression"] = content.Expression;
        }

        json["targetAttribute"] = content.TargetAttribute;
        json["attributeMappingType"] = content.AttributeMappingType;
        ExtraFields.AddTo(json, content.Extra);
        return ResourceJson.Finish(json, mapping.CreatedAt, mapping.UpdatedAt);
    }
}

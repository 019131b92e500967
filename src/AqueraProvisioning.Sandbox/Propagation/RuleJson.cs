using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>Renders a rule as the reference's example shows it, with <c>_links.create</c> at the plan's rules.</summary>
internal static class RuleJson
{
    public const string Path = "propagation/rules";

    public static string Url(SandboxInfo info, Guid id) => ApiUrls.Item(info, Path, id);

    public static JsonObject Render(RuleRecord rule, SandboxInfo info)
    {
        var content = rule.Content;
        var json = ResourceJson.Start(Url(info, rule.Id), rule.Id, info);
        ((JsonObject)json["_links"]!)["create"] = Links.Href(ApiUrls.Item(info, PlanEndpoints.Path, content.PlanId) + "/rules");
        json["plan"] = ResourceJson.Reference(content.PlanId);
        json["sourceStore"] = ResourceJson.Reference(content.SourceStoreId);
        json["targetStore"] = ResourceJson.Reference(content.TargetStoreId);
        json["name"] = content.Name;
        if (content.Description is not null)
        {
            json["description"] = content.Description;
        }

        json["active"] = content.Active;
        if (content.PopulationExpression is not null)
        {
            json["populationExpression"] = content.PopulationExpression;
        }

        if (content.GroupIds.Count > 0)
        {
            json["groups"] = References(content.GroupIds);
        }

        if (content.PopulationIds is { } populations)
        {
            json["populations"] = References(populations);
        }

        if (content.Deprovision is { } deprovision)
        {
            json["deprovision"] = deprovision;
        }

        if (content.Configuration is { } configuration)
        {
            json["configuration"] = JsonNode.Parse(configuration.GetRawText());
        }

        ExtraFields.AddTo(json, content.Extra);
        return ResourceJson.Finish(json, rule.CreatedAt, rule.UpdatedAt);
    }

    private static JsonArray References(IReadOnlyList<Guid> ids) => new([.. ids.Select(id => (JsonNode?)ResourceJson.Reference(id))]);
}

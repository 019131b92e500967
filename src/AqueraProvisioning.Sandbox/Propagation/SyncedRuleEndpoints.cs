using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// How a rule fared for one user or group: <c>GET /users/{id}/syncedRules/{ruleId}</c>,
/// <c>GET /groups/{id}/syncedRules/{ruleId}</c> and <c>GET /propagation/rules/{ruleId}/syncedGroups</c>. 404 while
/// the engine has never considered that user or group for that rule.
/// </summary>
internal static class SyncedRuleEndpoints
{
    private const string Kind = "synced rule";

    public static void Map(IEndpointRouteBuilder routes, SandboxState state)
    {
        var directory = state.Directory;
        routes.MapGet(Routes.UserSyncedRule, context => AnswerAsync(
            context, state, directory.Users, "userId", UserEndpoints.Kind, state.Engine.Ledger.UserOutcomes, subject => ("user", new JsonObject { ["id"] = subject.ToString() })));
        routes.MapGet(Routes.GroupSyncedRule, context => AnswerAsync(
            context, state, directory.Groups, "groupId", "group", state.Engine.Ledger.GroupOutcomes, subject => ("group", GroupReference(state, subject))));
        ListEndpoint.MapChildren(
            routes,
            Routes.RuleSyncedGroups,
            state,
            context => RuleEndpoints.FindAsync(context, state),
            new ChildList<RuleRecord, SyncOutcome>(
                state.Engine.Ledger.GroupOutcomes,
                rule => RuleJson.Url(state.Info, rule.Id) + "/syncedGroups",
                "syncedGroups",
                outcome => Render(outcome, state, "group", GroupReference(state, outcome.SubjectId), ApiUrls.Item(state.Info, "groups", outcome.SubjectId)),
                rule => outcome => outcome.RuleId == rule.Id));
    }

    private static async Task AnswerAsync<T>(
        HttpContext context,
        SandboxState state,
        InMemoryCollection<T> subjects,
        string routeKey,
        string subjectKind,
        InMemoryCollection<SyncOutcome> outcomes,
        Func<Guid, (string Key, JsonObject Reference)> describe)
        where T : class, ICollectionItem
    {
        if (await ResourceLookup.FindOrNotFoundAsync(context, subjects, routeKey, subjectKind) is not { } subject
            || await RuleEndpoints.FindAsync(context, state) is not { } rule)
        {
            return;
        }

        if (outcomes.FindFirst(outcome => outcome.SubjectId == subject.Id && outcome.RuleId == rule.Id) is not { } found)
        {
            await PingOneError.NotFoundAsync(context, $"Unable to find {Kind} with id {rule.Id} for {subjectKind} {subject.Id}.");
            return;
        }

        var (key, reference) = describe(subject.Id);
        var subjectUrl = ApiUrls.Item(state.Info, key == "user" ? "users" : "groups", subject.Id);
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, Render(found, state, key, reference, subjectUrl));
    }

    private static JsonObject Render(SyncOutcome outcome, SandboxState state, string subjectKey, JsonObject subject, string subjectUrl)
    {
        var rule = state.Propagation.Rules.Find(outcome.RuleId);
        var json = new JsonObject
        {
            ["_links"] = new JsonObject
            {
                ["self"] = Links.Href($"{subjectUrl}/syncedRules/{outcome.RuleId}"),
                ["rule"] = Links.Href(RuleJson.Url(state.Info, outcome.RuleId)),
                [subjectKey] = Links.Href(subjectUrl),
            },
            ["rule"] = new JsonObject { ["id"] = outcome.RuleId.ToString(), ["name"] = rule?.Content.Name },
            ["sourceStore"] = StoreReference(state, rule?.Content.SourceStoreId),
            ["targetStore"] = StoreReference(state, rule?.Content.TargetStoreId),
            ["environment"] = new JsonObject { ["id"] = state.Info.EnvironmentId },
            [subjectKey] = subject,
            ["type"] = "OUTBOUND",
            ["status"] = SyncStatuses.Render(outcome.Status, state.Settings.Propagation.SyncedRuleStatusCase),
            ["lastSyncAt"] = IsoTime.Format(outcome.LastSyncAt),
            ["details"] = new JsonArray([.. outcome.Details.Select(detail => (JsonNode?)new JsonObject { ["code"] = detail.Code, ["message"] = detail.Message })]),
        };
        return json;
    }

    private static JsonObject GroupReference(SandboxState state, Guid groupId) =>
        new() { ["id"] = groupId.ToString(), ["name"] = state.Directory.Groups.Find(groupId)?.Name };

    private static JsonObject StoreReference(SandboxState state, Guid? storeId)
    {
        var store = storeId is { } id ? state.Stores.Find(id) : null;
        return new JsonObject { ["id"] = storeId?.ToString(), ["name"] = store?.Content.Name, ["type"] = store?.Content.Type };
    }
}

using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// <c>POST /propagation/revisions</c> (any body is ignored), <c>GET /propagation/revisions/id:latest</c> and
/// <c>GET /propagation/revisions/{id}</c>. Creating a revision restarts the sync status of every ACTIVE Aquera store and has the engine sync them.
/// </summary>
internal static class RevisionEndpoints
{
    private const string LatestId = "id:latest";

    public static void Map(IEndpointRouteBuilder routes, SandboxState state)
    {
        routes.MapPost(Routes.Revisions, context => CreateAsync(context, state));
        routes.MapGet(Routes.Revision, context => GetAsync(context, state));
    }

    private static Task CreateAsync(HttpContext context, SandboxState state)
    {
        var now = IsoTime.Now();
        var revision = state.Revisions.Create(now);
        // A store with nothing to sync gets its final status here (its sync ends as the revision is made, so
        // lastSyncAt is just after createdAt); the engine writes the others' when their run ends.
        var engine = state.Engine;
        engine.RevisionCreated(() => state.Stores.StartSync(
            PropagationEngine.IsActiveAquera,
            store => engine.HasWorkFor(store.Id) ? now : IsoTime.After(now)));
        context.Response.Headers.Location = $"{state.Info.RevisionsUrl}/{revision.Id}";
        return JsonResponse.WriteAsync(context, StatusCodes.Status201Created, Render(revision, state.Info));
    }

    private static Task GetAsync(HttpContext context, SandboxState state)
    {
        var text = (string?)context.Request.RouteValues["revisionId"];
        var revision = text == LatestId
            ? state.Revisions.Latest
            : Guid.TryParse(text, out var id) ? state.Revisions.Find(id) : null;
        return revision is null
            ? PingOneError.NotFoundAsync(context, $"Unable to find propagation revision {text}.")
            : JsonResponse.WriteAsync(context, StatusCodes.Status200OK, Render(revision, state.Info));
    }

    private static JsonObject Render(RevisionRecord revision, SandboxInfo info)
    {
        var json = new JsonObject
        {
            ["_links"] = Links.Self($"{info.RevisionsUrl}/{revision.Id}"),
            ["id"] = revision.Id.ToString(),
            ["createdAt"] = IsoTime.Format(revision.CreatedAt),
            ["environment"] = new JsonObject { ["id"] = info.EnvironmentId },
        };
        if (revision.PreviousRevisionId is { } previous)
        {
            json["previousRevision"] = new JsonObject { ["id"] = previous.ToString() };
        }

        return json;
    }
}

using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// <c>GET|POST /populations</c>, <c>GET /populations/{id}</c> and the same for <c>/groups</c>: uniquely named
/// entries with a description, listed with <c>filter=name eq "x"</c>. Unknown fields are kept and echoed back.
/// </summary>
internal static class DirectoryEntryEndpoints
{
    private static readonly string[] FilterAttributes = ["name"];
    private static readonly string[] KnownFields = ["name", "description", "default", "userCount"];

    public static void Map(IEndpointRouteBuilder routes, SandboxState state)
    {
        var directory = state.Directory;
        Map(routes, state, new EntryKind("population", "populations", Routes.Populations, Routes.Population, "populationId", directory.Populations, IsPopulation: true));
        Map(routes, state, new EntryKind("group", "groups", Routes.Groups, Routes.Group, "groupId", directory.Groups, IsPopulation: false));
    }

    private static void Map(IEndpointRouteBuilder routes, SandboxState state, EntryKind kind)
    {
        routes.MapGet(kind.CollectionRoute, context => ListAsync(context, state, kind));
        routes.MapPost(kind.CollectionRoute, context => CreateAsync(context, state, kind));
        ItemEndpoint.MapGet(routes, kind.ItemRoute, context => ResourceLookup.FindOrNotFoundAsync(context, kind.Entries, kind.RouteKey, kind.Name), entry => Render(entry, state, kind));
    }

    private static async Task ListAsync(HttpContext context, SandboxState state, EntryKind kind)
    {
        var (filter, error) = ListFilter.Parse(context.Request.Query["filter"].ToString(), FilterAttributes);
        if (error is not null)
        {
            await ListFilter.RejectAsync(context, error);
            return;
        }

        await ListEndpoint.WriteAsync(
            context,
            state,
            kind.Entries,
            ApiUrls.Collection(state.Info, kind.Path),
            kind.Path,
            entry => Render(entry, state, kind),
            filter is null ? null : entry => FilterEvaluator.Matches(filter, new JsonObject { ["name"] = entry.Name }),
            ListFilter.Preserved(context));
    }

    private static async Task CreateAsync(HttpContext context, SandboxState state, EntryKind kind)
    {
        if (await RequestJson.ReadJsonBodyAsync(context) is not { } body)
        {
            return;
        }

        var errors = new ValidationErrors();
        var directory = state.Directory;
        var entry = directory.Locked(() =>
        {
            var name = JsonFields.String(body, "name", "name", errors, required: true, StoreValidator.MaxNameLength);
            var description = JsonFields.String(body, "description", "description", errors, required: false, StoreValidator.MaxDescriptionLength);
            if (name is not null && kind.Entries.FindFirst(existing => string.Equals(existing.Name, name, StringComparison.OrdinalIgnoreCase)) is not null)
            {
                errors.NotUnique("name", $"A {kind.Name} named {name} already exists.");
            }

            return errors.Count > 0 ? null : directory.AddEntry(kind.Entries, name!, description, ExtraFields.Keep(body, KnownFields));
        });
        await WriteAnswer.CreatedAsync(context, entry, errors, e => ApiUrls.Item(state.Info, kind.Path, e.Id), e => Render(e, state, kind));
    }

    private static JsonObject Render(DirectoryEntry entry, SandboxState state, EntryKind kind)
    {
        var json = ResourceJson.Start(ApiUrls.Item(state.Info, kind.Path, entry.Id), entry.Id, state.Info);
        json["name"] = entry.Name;
        if (entry.Description is not null)
        {
            json["description"] = entry.Description;
        }

        if (kind.IsPopulation)
        {
            json["default"] = entry.IsDefault;
            json["userCount"] = state.Directory.Users.Where(user => user.PopulationId == entry.Id).Count;
        }

        ExtraFields.AddTo(json, entry.Extra);
        return ResourceJson.Finish(json, entry.CreatedAt, entry.UpdatedAt);
    }

    private sealed record EntryKind(
        string Name,
        string Path,
        string CollectionRoute,
        string ItemRoute,
        string RouteKey,
        InMemoryCollection<DirectoryEntry> Entries,
        bool IsPopulation);
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// <c>POST</c>, <c>PUT</c> (full replace) and <c>DELETE</c> of propagation stores. Writes require
/// <c>application/json</c>; a rejected write never changes the store.
/// </summary>
internal static class StoreWriteEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, SandboxState state)
    {
        routes.MapPost(Routes.Stores, context => CreateAsync(context, state));
        routes.MapPut(Routes.Store, context => ReplaceAsync(context, state));
        routes.MapDelete(Routes.Store, context => DeleteAsync(context, state));
    }

    private static async Task CreateAsync(HttpContext context, SandboxState state)
    {
        if (await StoreRoutes.ReadValidContentAsync(context, state, JsonResponse.Json, creating: true) is not { } content)
        {
            return;
        }

        var store = state.Stores.Add(content);
        if (state.Faults.TryConsumeCommitThenFail())
        {
            // The store exists now; the client only hears a failure, as when a gateway times out after the commit.
            await PingOneError.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "SERVICE_UNAVAILABLE", "The service is temporarily unavailable. Try again later.");
            return;
        }

        var location = $"{state.Info.StoresUrl}/{store.Id}";
        context.Response.Headers.Location = location;
        await JsonResponse.WriteAsync(context, StatusCodes.Status201Created, state.Render(store));
    }

    private static async Task ReplaceAsync(HttpContext context, SandboxState state)
    {
        if (await StoreRoutes.FindOrNotFoundAsync(context, state) is not { } current
            || await StoreRoutes.ReadValidContentAsync(context, state, JsonResponse.Json) is not { } content)
        {
            return;
        }

        if (!string.Equals(content.Type, current.Content.Type, StringComparison.Ordinal))
        {
            // Changing the type is undocumented; refusing it keeps a client from silently morphing a connection.
            var errors = new ValidationErrors();
            errors.Invalid("type", $"type cannot be changed from {current.Content.Type}; create a new store instead.");
            await PingOneError.InvalidDataAsync(context, errors.Details);
            return;
        }

        await WriteAnswer.ReplacedAsync(context, state.Stores.Replace(current.Id, content), new ValidationErrors(), StoreRoutes.Kind, current.Id, state.Render);
    }

    private static async Task DeleteAsync(HttpContext context, SandboxState state)
    {
        if (await StoreRoutes.FindOrNotFoundAsync(context, state) is not { } store)
        {
            return;
        }

        // Checked and removed under the propagation lock, so no rule can start using the store in between.
        var model = state.Propagation;
        IReadOnlyList<RuleRecord> users = [];
        var removed = model.Locked(() =>
        {
            users = model.RulesUsing(store.Id);
            return users.Count == 0 && state.Stores.Remove(store.Id);
        });
        if (users.Count > 0)
        {
            var status = state.Settings.Propagation.StoreInUseStatus;
            var names = string.Join(", ", users.Select(rule => rule.Content.Name));
            await PingOneError.WriteAsync(context, status, status == StatusCodes.Status409Conflict ? "CONFLICT" : "INVALID_DATA", $"The propagation store is in use by rule(s): {names}.");
        }
        else
        {
            await WriteAnswer.DeletedAsync(context, removed, StoreRoutes.Kind, store.Id);
        }
    }
}

using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// The test-control API under <c>/__sandbox</c>: knobs, reset, request log, stats, token expiry, seeding and
/// white-box store access. No authentication: it only listens on loopback and exists for tests.
/// </summary>
internal static class ControlEndpoints
{
    public const string Base = "/__sandbox";

    public static void Map(IEndpointRouteBuilder routes, SandboxState state)
    {
        routes.MapGet(Base, context => Ok(context, Index(context, state)));
        routes.MapGet(Base + "/info", context => Ok(context, JsonNode.Parse(ReadyLine.Format(state.Info))!));
        routes.MapGet(Base + "/settings", context => Ok(context, SettingsJson.Render(state.Settings, state.Faults)));
        routes.MapPost(Base + "/settings", context => UpdateSettingsAsync(context, state));
        routes.MapPost(Base + "/reset", context =>
        {
            state.Reset();
            return Ok(context, SettingsJson.Render(state.Settings, state.Faults));
        });
        routes.MapGet(Base + "/requests", context =>
            Ok(context, new JsonArray([.. state.Requests.Snapshot().Select(entry => (JsonNode?)entry.ToJson())])));
        routes.MapDelete(Base + "/requests", context =>
        {
            state.Requests.Clear();
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
        routes.MapGet(Base + "/stats", context => Ok(context, new JsonObject
        {
            ["connectionsOpened"] = state.Counters.ConnectionsOpened,
            ["requests"] = state.Counters.Requests,
            ["tokensIssued"] = state.Counters.TokensIssued,
            ["revisions"] = state.Revisions.Count,
            ["stores"] = state.Stores.Count,
        }));
        routes.MapPost(Base + "/tokens/expire", context =>
        {
            state.Tokens.ExpireAll();
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
        routes.MapPost(Base + "/seed", context => SeedAsync(context, state));
        routes.MapGet(Base + "/stores/{storeId}", async context =>
        {
            if (await StoreRoutes.FindOrNotFoundAsync(context, state) is { } store)
            {
                await Ok(context, StoreJson.Render(store, state.Info, SecretsMode.Echo));
            }
        });
        routes.MapPost(Base + "/stores", context => InsertRawAsync(context, state));
        routes.MapPost(Base + "/seed-console", context =>
            JsonResponse.WriteAsync(context, StatusCodes.Status201Created, ConsoleSeeder.Render(ConsoleSeeder.Seed(state))));
    }

    /// <summary>
    /// What the printed Control API URL answers: every knob with its current value (the same rendering as
    /// <c>GET /__sandbox/settings</c>, so the two cannot differ), how to change them, and the control routes as the
    /// router has them.
    /// </summary>
    private static JsonObject Index(HttpContext context, SandboxState state)
    {
        string self = state.Info.ControlUrl;
        var routes = context.RequestServices.GetServices<EndpointDataSource>()
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText is string raw && raw.StartsWith(Base, StringComparison.Ordinal))
            .Select(endpoint => string.Join("|", endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"]) + " " + endpoint.RoutePattern.RawText)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        return new JsonObject
        {
            ["knobs"] = SettingsJson.Render(state.Settings, state.Faults),
            ["change"] = "POST " + self + "/settings with a JSON object of the knobs to change, for example {\"latencyMs\": 200}; POST " + self + "/reset restores every default.",
            ["routes"] = new JsonArray([.. routes.Select(route => (JsonNode?)route)]),
        };
    }

    private static Task Ok(HttpContext context, JsonNode body) => JsonResponse.WriteAsync(context, StatusCodes.Status200OK, body);

    private static async Task UpdateSettingsAsync(HttpContext context, SandboxState state)
    {
        if (await RequestJson.ReadObjectAsync(context) is not { } patch)
        {
            return;
        }

        var errors = new ValidationErrors();
        int? commitThenFail = null;
        SettingsJson.Merge(patch, state.Settings, errors, out _);
        if (errors.Count > 0)
        {
            await PingOneError.InvalidDataAsync(context, errors.Details);
            return;
        }

        // Merged again inside the update so a concurrent change to another knob is not lost.
        state.UpdateSettings(current => SettingsJson.Merge(patch, current, new ValidationErrors(), out commitThenFail));
        if (commitThenFail is { } count)
        {
            state.Faults.ArmCommitThenFailCreates(count);
        }

        await Ok(context, SettingsJson.Render(state.Settings, state.Faults));
    }

    private static async Task SeedAsync(HttpContext context, SandboxState state)
    {
        if (await RequestJson.ReadObjectAsync(context) is not { } body)
        {
            return;
        }

        var errors = new ValidationErrors();
        var count = JsonFields.Integer(body, "count", "count", 1, StoreSeeder.MaxCount, errors, required: true);
        var prefix = JsonFields.String(body, "namePrefix", "namePrefix", errors, required: false) ?? "bulk-";
        var status = JsonFields.OneOf(body, "status", "status", StoreValidator.Statuses, errors, required: false) ?? StoreValidator.Inactive;
        if (errors.Count > 0 || count is null)
        {
            await PingOneError.InvalidDataAsync(context, errors.Details);
            return;
        }

        var created = StoreSeeder.Seed(state, count.Value, prefix, status);
        await JsonResponse.WriteAsync(context, StatusCodes.Status201Created, new JsonObject
        {
            ["count"] = created.Count,
            ["ids"] = new JsonArray([.. created.Select(store => (JsonNode?)store.Id.ToString())]),
        });
    }

    private static async Task InsertRawAsync(HttpContext context, SandboxState state)
    {
        if (await RequestJson.ReadObjectAsync(context) is not { } body)
        {
            return;
        }

        var id = Guid.NewGuid();
        if (body["id"] is JsonValue idValue && !Guid.TryParse(idValue.ToString(), out id))
        {
            var errors = new ValidationErrors();
            errors.Invalid("id", "id must be a GUID.");
            await PingOneError.InvalidDataAsync(context, errors.Details);
            return;
        }

        if (state.Stores.TryAdd(id, RawStore.Read(body)) is not { } store)
        {
            await PingOneError.WriteAsync(context, StatusCodes.Status409Conflict, "UNIQUENESS_VIOLATION", $"A store with id {id} already exists.");
            return;
        }

        context.Response.Headers.Location = $"{state.Info.StoresUrl}/{store.Id}";
        await JsonResponse.WriteAsync(context, StatusCodes.Status201Created, StoreJson.Render(store, state.Info, SecretsMode.Echo));
    }
}

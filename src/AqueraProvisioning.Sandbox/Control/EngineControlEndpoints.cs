using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// The engine's part of the control API: its status, a full sync that answers when done, a wait for the engine to
/// go idle (so tests never sleep blindly), and what the fake Aquera SCIM service holds.
/// </summary>
internal static class EngineControlEndpoints
{
    private const int DefaultWaitMs = 30_000;
    private const int MaxWaitMs = 600_000;

    public static void Map(IEndpointRouteBuilder routes, SandboxState state)
    {
        var engine = state.Engine;
        routes.MapGet(ControlEndpoints.Base + "/engine", context => JsonResponse.WriteAsync(context, StatusCodes.Status200OK, Status(engine)));
        routes.MapPost(ControlEndpoints.Base + "/engine/run", async context =>
        {
            await engine.RunAsync(context.RequestAborted);
            await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, Status(engine));
        });
        routes.MapPost(ControlEndpoints.Base + "/engine/wait", context => WaitAsync(context, engine));
        routes.MapGet(ControlEndpoints.Base + "/scim/users", context => HoldingsAsync(context, state, ScimResourceKind.Users(state.Scim)));
        routes.MapGet(ControlEndpoints.Base + "/scim/groups", context => HoldingsAsync(context, state, ScimResourceKind.Groups(state.Scim)));
    }

    private static JsonObject Status(PropagationEngine engine) => new()
    {
        ["runs"] = engine.Runs,
        ["lastRunAt"] = engine.LastRunAt is { } at ? IsoTime.Format(at) : null,
        ["pending"] = engine.HasPendingWork,
        ["running"] = engine.IsRunning,
        ["lastError"] = engine.LastError,
    };

    /// <summary><c>{"timeoutMs": N}</c> (optional, default 30 s); 504 when the engine is still busy then.</summary>
    private static async Task WaitAsync(HttpContext context, PropagationEngine engine)
    {
        var timeoutMs = DefaultWaitMs;
        var text = await new System.IO.StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
        if (text.Trim().Length > 0)
        {
            var errors = new ValidationErrors();
            JsonObject? body = null;
            try
            {
                body = JsonNode.Parse(text) as JsonObject;
            }
            catch (JsonException)
            {
                // Answered below like a body that is not an object.
            }

            if (body is null)
            {
                errors.Invalid("body", "The body must be a JSON object such as {\"timeoutMs\": 5000}.");
            }
            else
            {
                timeoutMs = JsonFields.Integer(body, "timeoutMs", "timeoutMs", 1, MaxWaitMs, errors) ?? timeoutMs;
            }

            if (errors.Count > 0)
            {
                await PingOneError.InvalidDataAsync(context, errors.Details);
                return;
            }
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        deadline.CancelAfter(timeoutMs);
        try
        {
            await engine.WaitForIdleAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            await PingOneError.WriteAsync(context, StatusCodes.Status504GatewayTimeout, "TIMEOUT", $"The engine did not go idle within {timeoutMs} ms.");
            return;
        }

        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, Status(engine));
    }

    private static Task HoldingsAsync(HttpContext context, SandboxState state, ScimResourceKind kind)
    {
        var resources = kind.Resources.Snapshot();
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, new JsonObject
        {
            ["totalResults"] = resources.Count,
            ["Resources"] = new JsonArray([.. resources.Select(resource => (JsonNode?)ScimResourceJson.Render(resource, kind, state.Info.ScimUrl, state.Scim))]),
        });
    }
}

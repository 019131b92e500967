using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AqueraProvisioning.Sandbox;

/// <summary>The fake Aquera SCIM 2.0 service under <c>/scim/v2</c>: discovery and the Users resource (no PATCH, like Aquera).</summary>
internal static class ScimUserEndpoints
{
    public const string Base = "/scim/v2";
    public const int DefaultCount = 100;
    public const int MaxCount = 200;
    private const string UserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";

    public static void Map(IEndpointRouteBuilder routes, SandboxState state)
    {
        routes.MapGet(Base + "/ServiceProviderConfig", context =>
            ScimResponse.WriteAsync(context, StatusCodes.Status200OK, ScimServiceProviderConfig.Render(state.Info.ScimUrl)));
        routes.MapGet(Base + "/Users", context => ListAsync(context, state));
        routes.MapPost(Base + "/Users", context => CreateAsync(context, state));
        routes.MapGet(Base + "/Users/{id}", context =>
        {
            var id = (string?)context.Request.RouteValues["id"] ?? string.Empty;
            return state.ScimUsers.Find(id) is { } user
                ? ScimResponse.WriteAsync(context, StatusCodes.Status200OK, Render(user, state.Info.ScimUrl))
                : ScimResponse.ErrorAsync(context, StatusCodes.Status404NotFound, $"User {id} not found.");
        });
    }

    private static Task ListAsync(HttpContext context, SandboxState state)
    {
        var query = context.Request.Query;
        if (!TryReadInt(query["startIndex"].ToString(), 1, out var startIndex) || !TryReadInt(query["count"].ToString(), DefaultCount, out var count))
        {
            return ScimResponse.ErrorAsync(context, StatusCodes.Status400BadRequest, "startIndex and count must be integers.", "invalidValue");
        }

        string? userName = null;
        var filter = query["filter"].ToString();
        if (filter.Length > 0 && !ScimFilter.TryParseUserNameEquals(filter, out userName))
        {
            return ScimResponse.ErrorAsync(context, StatusCodes.Status400BadRequest, "Only the filter userName eq \"value\" is supported.", "invalidFilter");
        }

        // RFC 7644 §3.4.2.4: startIndex below 1 means 1, a negative count means 0.
        startIndex = Math.Max(startIndex, 1);
        count = Math.Clamp(count, 0, MaxCount);
        var (page, total) = state.ScimUsers.Query(userName, startIndex, count);
        var resources = new JsonArray();
        foreach (var user in page)
        {
            resources.Add(Render(user, state.Info.ScimUrl));
        }

        return ScimResponse.WriteAsync(context, StatusCodes.Status200OK, new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:api:messages:2.0:ListResponse"),
            ["totalResults"] = total,
            ["startIndex"] = startIndex,
            ["itemsPerPage"] = page.Count,
            ["Resources"] = resources,
        });
    }

    private static async Task CreateAsync(HttpContext context, SandboxState state)
    {
        JsonObject? body = null;
        try
        {
            body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            // Answered below with the same invalidSyntax error as a non-object body.
        }

        if (body is null)
        {
            await ScimResponse.ErrorAsync(context, StatusCodes.Status400BadRequest, "The body must be a SCIM User object.", "invalidSyntax");
            return;
        }

        if (body["userName"] is not JsonValue userNameNode || userNameNode.GetValueKind() != JsonValueKind.String
            || string.IsNullOrWhiteSpace(userNameNode.GetValue<string>()))
        {
            await ScimResponse.ErrorAsync(context, StatusCodes.Status400BadRequest, "userName is required.", "invalidValue");
            return;
        }

        body.Remove("id");
        body.Remove("meta");
        var user = new ScimUser(Guid.NewGuid().ToString("N"), userNameNode.GetValue<string>(), JsonSerializer.SerializeToElement(body), IsoTime.Now());
        if (state.ScimUsers.TryAdd(user) is null)
        {
            await ScimResponse.ErrorAsync(context, StatusCodes.Status409Conflict, $"userName {user.UserName} is already taken.", "uniqueness");
            return;
        }

        var rendered = Render(user, state.Info.ScimUrl);
        context.Response.Headers.Location = rendered["meta"]!["location"]!.GetValue<string>();
        await ScimResponse.WriteAsync(context, StatusCodes.Status201Created, rendered);
    }

    private static JsonObject Render(ScimUser user, string scimUrl)
    {
        var json = (JsonObject)JsonNode.Parse(user.Attributes.GetRawText())!;
        json.Remove("schemas");
        var created = IsoTime.Format(user.Created);
        var rendered = new JsonObject { ["schemas"] = new JsonArray(UserSchema), ["id"] = user.Id };
        foreach (var (key, value) in json.ToArray())
        {
            json.Remove(key);
            rendered[key] = value;
        }

        rendered["meta"] = new JsonObject
        {
            ["resourceType"] = "User",
            ["created"] = created,
            ["lastModified"] = created,
            ["location"] = $"{scimUrl}/Users/{user.Id}",
        };
        return rendered;
    }

    private static bool TryReadInt(string text, int fallback, out int value)
    {
        value = fallback;
        return text.Length == 0 || int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }
}

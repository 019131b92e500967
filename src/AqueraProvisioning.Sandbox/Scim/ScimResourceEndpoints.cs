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

/// <summary>
/// <c>/Users</c> and <c>/Groups</c> of the fake Aquera service, one code path for both: POST, GET (list with
/// <c>startIndex</c>/<c>count</c> and only the <c>&lt;name&gt; eq "x"</c> filter), GET by id, PUT (full replace),
/// DELETE, and PATCH answered 501 as Aquera does for users (RFC 7644 §3.12). Names are unique case-insensitively
/// (409 <c>uniqueness</c>); a group's members must be users of the service.
/// </summary>
internal static class ScimResourceEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, SandboxState state, ScimResourceKind kind)
    {
        var collection = ScimUserEndpoints.Base + kind.Endpoint;
        var item = collection + "/{id}";
        routes.MapGet(collection, context => ListAsync(context, state, kind));
        routes.MapPost(collection, context => WriteAsync(context, state, kind, null));
        routes.MapGet(item, async context =>
        {
            if (await FindAsync(context, kind) is { } resource)
            {
                await ScimResponse.WriteAsync(context, StatusCodes.Status200OK, Render(resource, state, kind));
            }
        });
        routes.MapPut(item, async context =>
        {
            if (await FindAsync(context, kind) is { } resource)
            {
                await WriteAsync(context, state, kind, resource);
            }
        });
        routes.MapDelete(item, async context =>
        {
            if (await FindAsync(context, kind) is { } resource)
            {
                Delete(state.Scim, kind, resource);
                context.Response.StatusCode = StatusCodes.Status204NoContent;
            }
        });
        routes.MapPatch(item, context => ScimResponse.ErrorAsync(
            context,
            StatusCodes.Status501NotImplemented,
            $"PATCH is not supported for {kind.ResourceType.ToLowerInvariant()}s; replace the resource with PUT."));
    }

    private static JsonObject Render(ScimResource resource, SandboxState state, ScimResourceKind kind) =>
        ScimResourceJson.Render(resource, kind, state.Info.ScimUrl, state.Scim);

    private static async Task<ScimResource?> FindAsync(HttpContext context, ScimResourceKind kind)
    {
        var id = (string?)context.Request.RouteValues["id"] ?? string.Empty;
        if (Guid.TryParseExact(id, "N", out var guid) && kind.Resources.Find(guid) is { } resource)
        {
            return resource;
        }

        await ScimResponse.ErrorAsync(context, StatusCodes.Status404NotFound, $"{kind.ResourceType} {id} not found.");
        return null;
    }

    private static Task ListAsync(HttpContext context, SandboxState state, ScimResourceKind kind)
    {
        var query = context.Request.Query;
        if (!TryReadInt(query["startIndex"].ToString(), 1, out var startIndex) || !TryReadInt(query["count"].ToString(), ScimUserEndpoints.DefaultCount, out var count))
        {
            return ScimResponse.ErrorAsync(context, StatusCodes.Status400BadRequest, "startIndex and count must be integers.", "invalidValue");
        }

        string? name = null;
        var filter = query["filter"].ToString();
        if (filter.Length > 0 && !TryReadNameFilter(filter, kind, out name))
        {
            return ScimResponse.ErrorAsync(context, StatusCodes.Status400BadRequest, $"Only the filter {kind.NameAttribute} eq \"value\" is supported.", "invalidFilter");
        }

        // RFC 7644 §3.4.2.4: startIndex below 1 means 1, a negative count means 0.
        startIndex = Math.Max(startIndex, 1);
        count = Math.Clamp(count, 0, ScimUserEndpoints.MaxCount);
        var matches = kind.Resources.Where(resource => name is null || string.Equals(resource.Name, name, StringComparison.OrdinalIgnoreCase));
        var page = matches.Skip(startIndex - 1).Take(count).ToArray();
        return ScimResponse.WriteAsync(context, StatusCodes.Status200OK, new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:api:messages:2.0:ListResponse"),
            ["totalResults"] = matches.Count,
            ["startIndex"] = startIndex,
            ["itemsPerPage"] = page.Length,
            ["Resources"] = new JsonArray([.. page.Select(resource => (JsonNode?)Render(resource, state, kind))]),
        });
    }

    /// <summary>POST (<paramref name="current"/> null) or PUT: the whole resource is what the body says.</summary>
    private static async Task WriteAsync(HttpContext context, SandboxState state, ScimResourceKind kind, ScimResource? current)
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
            await ScimResponse.ErrorAsync(context, StatusCodes.Status400BadRequest, $"The body must be a SCIM {kind.ResourceType} object.", "invalidSyntax");
            return;
        }

        if (JsonText.Of(body[kind.NameAttribute]) is not { } name || string.IsNullOrWhiteSpace(name))
        {
            await ScimResponse.ErrorAsync(context, StatusCodes.Status400BadRequest, $"{kind.NameAttribute} is required.", "invalidValue");
            return;
        }

        foreach (var readOnly in kind.IsGroup ? ["id", "meta"] : new[] { "id", "meta", "groups" })
        {
            body.Remove(readOnly);
        }

        var attributes = JsonSerializer.SerializeToElement(body);
        var tenant = state.Scim;
        var outcome = tenant.Users.Locked<(ScimResource? Resource, string? Error)>(() =>
        {
            if (kind.IsGroup && ScimResourceJson.MemberIds(attributes).FirstOrDefault(id => !IsUser(tenant, id)) is { } stranger)
            {
                return (null, $"members: {stranger} is not a user of this service.");
            }

            if (kind.Resources.FindFirst(r => r.Id != current?.Id && string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)) is not null)
            {
                return (null, "uniqueness");
            }

            var now = IsoTime.Now();
            var written = current is null
                ? kind.Resources.Add((id, sequence) => new ScimResource(id, sequence, name, attributes, now, now))
                : kind.Resources.Replace(current.Id, r => r with { Name = name, Attributes = attributes, LastModified = IsoTime.After(r.LastModified) });
            return (written, null);
        });
        if (outcome.Error == "uniqueness")
        {
            await ScimResponse.ErrorAsync(context, StatusCodes.Status409Conflict, $"{kind.NameAttribute} {name} is already taken.", "uniqueness");
        }
        else if (outcome.Error is { } error)
        {
            await ScimResponse.ErrorAsync(context, StatusCodes.Status400BadRequest, error, "invalidValue");
        }
        else if (outcome.Resource is not { } resource)
        {
            await ScimResponse.ErrorAsync(context, StatusCodes.Status404NotFound, $"{kind.ResourceType} {current?.ScimId} not found.");
        }
        else
        {
            var rendered = Render(resource, state, kind);
            if (current is null)
            {
                context.Response.Headers.Location = ScimResourceJson.Location(state.Info.ScimUrl, kind, resource);
            }

            await ScimResponse.WriteAsync(context, current is null ? StatusCodes.Status201Created : StatusCodes.Status200OK, rendered);
        }
    }

    /// <summary>Deletes the resource; a deleted user also leaves every group's members (RFC 7644 §3.6).</summary>
    private static void Delete(ScimTenant tenant, ScimResourceKind kind, ScimResource resource) => tenant.Users.Locked(() =>
    {
        kind.Resources.Remove(resource.Id);
        if (!kind.IsGroup)
        {
            tenant.Groups.ReplaceAll(group => ScimResourceJson.MemberIds(group.Attributes).Contains(resource.ScimId) ? WithoutMember(group, resource.ScimId) : null);
        }

        return true;
    });

    private static ScimResource WithoutMember(ScimResource group, string memberId)
    {
        var attributes = (JsonObject)JsonNode.Parse(group.Attributes.GetRawText())!;
        var members = (JsonArray)attributes["members"]!;
        foreach (var member in members.Where(m => m?["value"]?.GetValue<string>() == memberId).ToArray())
        {
            members.Remove(member);
        }

        return group with { Attributes = JsonSerializer.SerializeToElement(attributes), LastModified = IsoTime.After(group.LastModified) };
    }

    private static bool IsUser(ScimTenant tenant, string id) => Guid.TryParseExact(id, "N", out var guid) && tenant.Users.Find(guid) is not null;

    private static bool TryReadNameFilter(string filter, ScimResourceKind kind, out string? name)
    {
        name = FilterParser.TryParse(filter, out _) is FilterComparison { Operator: "eq", Value: JsonValue value } comparison
            && string.Equals(comparison.Path, kind.NameAttribute, StringComparison.OrdinalIgnoreCase)
            && value.GetValueKind() == JsonValueKind.String
                ? value.GetValue<string>()
                : null;
        return name is not null;
    }

    private static bool TryReadInt(string text, int fallback, out int value)
    {
        value = fallback;
        return text.Length == 0 || int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }
}

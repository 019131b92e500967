using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace AqueraProvisioning.Sandbox;

/// <summary>How every create and replace of the PingOne API answers, once the write has been tried.</summary>
internal static class WriteAnswer
{
    /// <summary>201 with <c>Location</c> and the rendered item, or 400 with the validation errors.</summary>
    public static Task CreatedAsync<T>(HttpContext context, T? created, ValidationErrors errors, Func<T, string> location, Func<T, JsonNode> render)
        where T : class
    {
        if (created is null)
        {
            return PingOneError.InvalidDataAsync(context, errors.Details);
        }

        context.Response.Headers.Location = location(created);
        return JsonResponse.WriteAsync(context, StatusCodes.Status201Created, render(created));
    }

    /// <summary>
    /// A whole PUT (or PATCH): finds the item (404), reads the JSON body (415/400), lets <paramref name="replace"/>
    /// validate and write it, and answers.
    /// </summary>
    public static async Task ReplaceAsync<T>(
        HttpContext context,
        Func<Task<T?>> find,
        Func<JsonObject, T, ValidationErrors, T?> replace,
        string kind,
        Func<T, JsonNode> render)
        where T : class, ICollectionItem
    {
        if (await find() is not { } current || await RequestJson.ReadJsonBodyAsync(context) is not { } body)
        {
            return;
        }

        var errors = new ValidationErrors();
        await ReplacedAsync(context, replace(body, current, errors), errors, kind, current.Id, render);
    }

    /// <summary>200 with the rendered item, 400 with the validation errors, or 404 when it was deleted meanwhile.</summary>
    public static Task ReplacedAsync<T>(HttpContext context, T? replaced, ValidationErrors errors, string kind, Guid id, Func<T, JsonNode> render)
        where T : class
    {
        if (replaced is not null)
        {
            return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, render(replaced));
        }

        return errors.Count > 0
            ? PingOneError.InvalidDataAsync(context, errors.Details)
            : ResourceLookup.NotFoundAsync(context, kind, id.ToString());
    }

    /// <summary>204 when <paramref name="removed"/>, else 404: another request deleted the item after it was found.</summary>
    public static Task DeletedAsync(HttpContext context, bool removed, string kind, Guid id)
    {
        if (!removed)
        {
            return ResourceLookup.NotFoundAsync(context, kind, id.ToString());
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }
}

using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace AqueraProvisioning.Sandbox;

/// <summary>Writes errors in PingOne's shape: <c>{"id","code","message","details":[...]}</c>.</summary>
internal static class PingOneError
{
    public static JsonObject Body(string code, string message, IReadOnlyList<PingOneErrorDetail>? details = null)
    {
        // The id is what a PingOne user quotes to support; a fresh one per error mimics that.
        var body = new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["code"] = code, ["message"] = message };
        if (details is { Count: > 0 })
        {
            var array = new JsonArray();
            foreach (var detail in details)
            {
                array.Add(detail.ToJson());
            }

            body["details"] = array;
        }

        return body;
    }

    public static Task WriteAsync(
        HttpContext context,
        int status,
        string code,
        string message,
        IReadOnlyList<PingOneErrorDetail>? details = null) =>
        JsonResponse.WriteAsync(context, status, Body(code, message, details));

    public static Task NotFoundAsync(HttpContext context, string message) =>
        WriteAsync(context, StatusCodes.Status404NotFound, "NOT_FOUND", message);

    public static Task InvalidDataAsync(HttpContext context, IReadOnlyList<PingOneErrorDetail> details) =>
        WriteAsync(context, StatusCodes.Status400BadRequest, "INVALID_DATA", "The request could not be completed. One or more validation errors were in the request.", details);
}

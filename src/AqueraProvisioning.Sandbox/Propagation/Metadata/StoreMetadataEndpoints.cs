using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// <c>POST /propagation/storeMetadata/Aquera</c> and <c>/directory</c> (case-sensitive). For Aquera, <c>{}</c> gives
/// the static attributes; a configuration (wrapped or flat, knob <c>storeMetadataBody</c>) also asks the SCIM
/// service's <c>/Schemas</c> (loopback only, with the configuration's credentials) and adds what it lists.
/// </summary>
internal static class StoreMetadataEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, SandboxState state, ScimClient scim) =>
        routes.MapPost(Routes.StoreMetadata, context => AnswerAsync(context, state, scim));

    private static async Task AnswerAsync(HttpContext context, SandboxState state, ScimClient scim)
    {
        var type = (string?)context.Request.RouteValues["storeType"];
        if (type is not (StoreValidator.Aquera or StoreValidator.Directory))
        {
            await PingOneError.NotFoundAsync(context, $"Unable to find store metadata for store type {type}.");
            return;
        }

        if (await RequestJson.ReadJsonBodyAsync(context) is not { } body)
        {
            return;
        }

        var settings = state.Settings;
        var shape = settings.Propagation.StoreMetadataShape;
        if (type == StoreValidator.Directory)
        {
            await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, StoreMetadataJson.Directory(shape));
            return;
        }

        var errors = new ValidationErrors();
        var configuration = ReadConfiguration(body, settings.Propagation.StoreMetadataBody, errors);
        if (configuration is { Count: > 0 })
        {
            AqueraConfigurationValidator.Validate(configuration, settings.ExtraConfigurationKeys, errors);
        }

        if (errors.Count > 0)
        {
            await PingOneError.InvalidDataAsync(context, errors.Details);
            return;
        }

        if (configuration is not { Count: > 0 })
        {
            await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, StoreMetadataJson.Aquera(StoreAttributes.Aquera, dynamic: false, shape));
            return;
        }

        var store = new StoreContent("metadata", null, StoreValidator.Aquera, StoreValidator.Active, false, null, JsonSerializer.SerializeToElement(configuration));
        var reply = await scim.SendAsync(ScimConnection.For(store)!, HttpMethod.Get, "Schemas", null, TimeSpan.FromMilliseconds(settings.ConnectionCheckTimeoutMs), context.RequestAborted);
        if (!reply.Succeeded)
        {
            var reason = "The SCIM service's schemas could not be read: " + reply.Failure;
            await PingOneError.WriteAsync(context, StatusCodes.Status400BadRequest, "INVALID_DATA", reason, [new PingOneErrorDetail("INVALID_VALUE", "configuration." + AqueraConfigurationValidator.ScimUrl, reason)]);
            return;
        }

        var known = StoreAttributes.Aquera.Select(attribute => attribute.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var attributes = StoreAttributes.Aquera.Concat(ScimSchemaAttributes.From(reply.Body).Where(attribute => known.Add(attribute.Name))).ToArray();
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, StoreMetadataJson.Aquera(attributes, dynamic: true, shape));
    }

    /// <summary>
    /// The configuration a body carries: <c>{"type":"Aquera","configuration":{...}}</c> (wrapped) or the keys at the top
    /// level (flat). A shape the knob does not allow is refused with a detail on <c>configuration</c>.
    /// </summary>
    private static JsonObject? ReadConfiguration(JsonObject body, string allowed, ValidationErrors errors)
    {
        var flatKeys = body.Where(pair => pair.Key is not ("type" or "configuration")).ToArray();
        var wrapped = body["configuration"] is not null;
        if (wrapped && allowed == "flat")
        {
            errors.Invalid("configuration", "Send the configuration keys at the top level of the body, not inside configuration.");
            return null;
        }

        if (flatKeys.Length > 0 && allowed == "wrapped")
        {
            errors.Invalid("configuration", "Send the configuration inside {\"type\":\"Aquera\",\"configuration\":{...}}.");
            return null;
        }

        if (wrapped)
        {
            return JsonFields.Object(body, "configuration", "configuration", errors, required: true);
        }

        return new JsonObject(flatKeys.Select(pair => KeyValuePair.Create(pair.Key, pair.Value?.DeepClone())));
    }
}

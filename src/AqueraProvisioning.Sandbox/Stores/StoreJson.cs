using System.Text.Json;
using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>Renders a store the way PingOne returns it, honouring the secrets knob.</summary>
internal static class StoreJson
{
    public static JsonObject Render(StoreRecord store, SandboxInfo info, SecretsMode secrets)
    {
        var content = store.Content;
        var json = new JsonObject
        {
            ["_links"] = Links.Self($"{info.StoresUrl}/{store.Id}"),
            ["id"] = store.Id.ToString(),
            ["environment"] = new JsonObject { ["id"] = info.EnvironmentId },
            ["name"] = content.Name,
        };
        if (content.Description is not null)
        {
            json["description"] = content.Description;
        }

        json["type"] = content.Type;
        json["status"] = content.Status;
        json["managed"] = content.Managed;
        if (content.Image is { } image)
        {
            json["image"] = JsonNode.Parse(image.GetRawText());
        }

        if (content.Configuration is { } configuration)
        {
            json["configuration"] = RenderConfiguration(configuration, secrets);
        }

        if (store.SyncStatus is { } sync)
        {
            json["syncStatus"] = new JsonObject
            {
                ["syncState"] = sync.SyncState,
                ["lastSyncAt"] = IsoTime.Format(sync.LastSyncAt),
                ["successCount"] = sync.SuccessCount,
                ["failedCount"] = sync.FailedCount,
                ["failedDeprovisionCount"] = sync.FailedDeprovisionCount,
                ["userTotal"] = sync.UserTotal,
            };
            if (sync.Details is { } details)
            {
                ((JsonObject)json["syncStatus"]!)["details"] = details;
            }
        }

        json["createdAt"] = IsoTime.Format(store.CreatedAt);
        json["updatedAt"] = IsoTime.Format(store.UpdatedAt);
        return json;
    }

    private static JsonNode? RenderConfiguration(JsonElement configuration, SecretsMode secrets)
    {
        var node = JsonNode.Parse(configuration.GetRawText());
        if (secrets == SecretsMode.Omit && node is JsonObject json)
        {
            foreach (var key in AqueraConfigurationValidator.SecretKeys)
            {
                json.Remove(key);
            }
        }

        return node;
    }
}

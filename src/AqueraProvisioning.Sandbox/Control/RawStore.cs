using System.Text.Json;
using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// Reads a store for <c>POST /__sandbox/stores</c> without validation, so a test can plant what the API would
/// refuse (a configuration key the client does not know, a type from the future). Missing fields get defaults.
/// </summary>
internal static class RawStore
{
    public static StoreContent Read(JsonObject body) => new(
        JsonText.Of(body["name"]) ?? "raw-store",
        JsonText.Of(body["description"]),
        JsonText.Of(body["type"]) ?? StoreValidator.Aquera,
        JsonText.Of(body["status"]) ?? StoreValidator.Inactive,
        body["managed"]?.GetValueKind() == JsonValueKind.True,
        StoreValidator.ToElement(body["image"]),
        JsonSerializer.SerializeToElement(body["configuration"] as JsonObject ?? new JsonObject()));
}

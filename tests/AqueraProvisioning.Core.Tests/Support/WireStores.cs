using System.Text.Json;
using System.Text.Json.Nodes;

namespace AqueraProvisioning.Core.Tests.Support;

/// <summary>Reads and writes wire stores the way the client does, for tests of the mappers.</summary>
internal static class WireStores
{
    public static PropagationStore Parse(string json) =>
        JsonSerializer.Deserialize(json, CoreJson.Default.PropagationStore) ?? throw new JsonException("null store");

    public static JsonObject ToNode(PropagationStore store) =>
        JsonNode.Parse(PropagationStores.Serialize(store))!.AsObject();
}

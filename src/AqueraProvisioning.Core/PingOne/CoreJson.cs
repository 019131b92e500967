using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AqueraProvisioning.Core;

/// <summary>
/// Source-generated serializers for every wire type: no reflection per call and one options instance for the
/// life of the process.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PropagationStore))]
[JsonSerializable(typeof(List<PropagationStore>))]
[JsonSerializable(typeof(PingOneErrorBody))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(PropagationRevision))]
[JsonSerializable(typeof(PropagationPlan))]
[JsonSerializable(typeof(List<PropagationPlan>))]
[JsonSerializable(typeof(PropagationRule))]
[JsonSerializable(typeof(List<PropagationRule>))]
[JsonSerializable(typeof(PropagationMapping))]
[JsonSerializable(typeof(List<PropagationMapping>))]
[JsonSerializable(typeof(PingOneDirectoryEntry))]
[JsonSerializable(typeof(List<PingOneDirectoryEntry>))]
[JsonSerializable(typeof(PingOneUser))]
[JsonSerializable(typeof(List<PingOneUser>))]
[JsonSerializable(typeof(SyncedRule))]
[JsonSerializable(typeof(StoreMetadataRequest))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
internal sealed partial class CoreJson : JsonSerializerContext
{
}

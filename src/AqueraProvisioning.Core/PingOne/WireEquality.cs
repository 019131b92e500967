using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AqueraProvisioning.Core;

/// <summary>
/// Whether two wire bodies say the same: equal when they serialize to the same JSON, which is what PingOne would
/// receive. An update whose body equals the saved resource's is not sent, so it costs no write and no revision.
/// </summary>
internal static class WireEquality
{
    public static bool Same<T>(T left, T right, JsonTypeInfo<T> type) =>
        JsonSerializer.Serialize(left, type) == JsonSerializer.Serialize(right, type);
}

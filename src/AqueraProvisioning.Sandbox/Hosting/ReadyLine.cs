using System.Text.Json;

namespace AqueraProvisioning.Sandbox;

/// <summary>The one JSON line the exe prints when it is ready: <see cref="SandboxInfo"/> with camelCase keys.</summary>
internal static class ReadyLine
{
    /// <summary>camelCase, compact: a caller reads exactly one line and parses it.</summary>
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static string Format(SandboxInfo info) => JsonSerializer.Serialize(info, JsonOptions);
}

using System;
using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>The fields every PingOne resource renders: <c>_links.self</c>, <c>id</c>, <c>environment.id</c>, the timestamps.</summary>
internal static class ResourceJson
{
    public static JsonObject Start(string selfUrl, Guid id, SandboxInfo info) => new()
    {
        ["_links"] = Links.Self(selfUrl),
        ["id"] = id.ToString(),
        ["environment"] = new JsonObject { ["id"] = info.EnvironmentId },
    };

    public static JsonObject Finish(JsonObject json, DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        json["createdAt"] = IsoTime.Format(createdAt);
        json["updatedAt"] = IsoTime.Format(updatedAt);
        return json;
    }

    /// <summary>A reference such as <c>{"id":"..."}</c>.</summary>
    public static JsonObject Reference(Guid id) => new() { ["id"] = id.ToString() };
}

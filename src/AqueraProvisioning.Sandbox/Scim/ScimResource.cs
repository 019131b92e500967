using System;
using System.Text.Json;

namespace AqueraProvisioning.Sandbox;

/// <summary>A user or group held by the fake Aquera SCIM service.</summary>
/// <param name="Id">Server-assigned id (rendered without dashes).</param>
/// <param name="Sequence">Creation order.</param>
/// <param name="Name">The unique <c>userName</c> or <c>displayName</c> (compared case-insensitively, RFC 7643 <c>caseExact: false</c>).</param>
/// <param name="Attributes">The attributes the client sent, stored as given, without <c>id</c> and <c>meta</c>.</param>
/// <param name="Created">Creation time (UTC).</param>
/// <param name="LastModified">Last write time (UTC).</param>
public sealed record ScimResource(Guid Id, long Sequence, string Name, JsonElement Attributes, DateTimeOffset Created, DateTimeOffset LastModified) : ICollectionItem
{
    /// <summary>The id as the service shows it.</summary>
    public string ScimId => Id.ToString("N");

    /// <summary>An attribute as JSON text, or null when absent; for tests and the control API.</summary>
    /// <param name="name">Top-level attribute name, for example <c>active</c>.</param>
    public string? Attribute(string name) =>
        Attributes.ValueKind == JsonValueKind.Object && Attributes.TryGetProperty(name, out var value) ? value.GetRawText() : null;
}

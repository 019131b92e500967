using System;
using System.Text.Json;

namespace AqueraProvisioning.Sandbox;

/// <summary>A user held by the fake Aquera SCIM service.</summary>
/// <param name="Id">Server-assigned id.</param>
/// <param name="UserName">The unique userName (compared case-insensitively, as RFC 7643 defines it).</param>
/// <param name="Attributes">The attributes the client sent, without id and meta.</param>
/// <param name="Created">Creation time (UTC).</param>
public sealed record ScimUser(string Id, string UserName, JsonElement Attributes, DateTimeOffset Created);

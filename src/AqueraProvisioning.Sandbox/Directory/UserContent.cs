using System;
using System.Text.Json;

namespace AqueraProvisioning.Sandbox;

/// <summary>The validated, client-writable part of a user: what POST sets and PUT or PATCH replaces.</summary>
internal sealed record UserContent(string Username, Guid PopulationId, bool Enabled, JsonElement Attributes);

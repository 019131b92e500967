using System;
using System.Text.Json;

namespace AqueraProvisioning.Sandbox;

/// <summary>A PingOne user of the sandbox directory.</summary>
/// <param name="Id">User id.</param>
/// <param name="Sequence">Creation order.</param>
/// <param name="Username">The unique username (compared case-insensitively).</param>
/// <param name="PopulationId">The population the user belongs to.</param>
/// <param name="Enabled">Whether the user is enabled.</param>
/// <param name="Attributes">The client-written attributes as given (username, email, name, custom ones, ...),
/// without the read-only fields and without <c>population</c> and <c>enabled</c>.</param>
/// <param name="CreatedAt">Creation time (UTC).</param>
/// <param name="UpdatedAt">Last write time (UTC).</param>
public sealed record DirectoryUser(
    Guid Id,
    long Sequence,
    string Username,
    Guid PopulationId,
    bool Enabled,
    JsonElement Attributes,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt) : ICollectionItem;

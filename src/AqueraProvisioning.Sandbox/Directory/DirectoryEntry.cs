using System;
using System.Text.Json;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// A population or a group: both are a uniquely named entry with a description, and the sandbox handles them with
/// the same code. <paramref name="IsDefault"/> only means something for populations.
/// </summary>
/// <param name="Id">Entry id.</param>
/// <param name="Sequence">Creation order.</param>
/// <param name="Name">Unique name (compared case-insensitively).</param>
/// <param name="Description">Optional description.</param>
/// <param name="IsDefault">The environment's default population (new users land there).</param>
/// <param name="Extra">Unknown top-level fields the client sent, kept and echoed back.</param>
/// <param name="CreatedAt">Creation time (UTC).</param>
/// <param name="UpdatedAt">Last write time (UTC).</param>
public sealed record DirectoryEntry(
    Guid Id,
    long Sequence,
    string Name,
    string? Description,
    bool IsDefault,
    JsonElement? Extra,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt) : ICollectionItem;

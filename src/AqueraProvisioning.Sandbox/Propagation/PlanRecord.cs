using System;
using System.Text.Json;

namespace AqueraProvisioning.Sandbox;

/// <summary>The environment's propagation plan (one at most).</summary>
/// <param name="Id">Plan id.</param>
/// <param name="Sequence">Creation order.</param>
/// <param name="Name">Plan name.</param>
/// <param name="Status"><c>ACTIVE</c> or <c>INACTIVE</c>.</param>
/// <param name="Extra">Unknown top-level fields the client sent, kept and echoed back.</param>
/// <param name="CreatedAt">Creation time (UTC).</param>
/// <param name="UpdatedAt">Last write time (UTC).</param>
public sealed record PlanRecord(
    Guid Id,
    long Sequence,
    string Name,
    string Status,
    JsonElement? Extra,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt) : ICollectionItem;

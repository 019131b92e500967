using System;

namespace AqueraProvisioning.Sandbox;

/// <summary>A propagation rule as the sandbox holds it.</summary>
/// <param name="Id">Rule id.</param>
/// <param name="Sequence">Creation order.</param>
/// <param name="Content">The client-writable fields.</param>
/// <param name="CreatedAt">Creation time (UTC).</param>
/// <param name="UpdatedAt">Last write time (UTC).</param>
public sealed record RuleRecord(Guid Id, long Sequence, RuleContent Content, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt) : ICollectionItem;

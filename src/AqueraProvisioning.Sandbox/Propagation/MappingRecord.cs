using System;

namespace AqueraProvisioning.Sandbox;

/// <summary>An attribute mapping of a rule.</summary>
/// <param name="Id">Mapping id.</param>
/// <param name="Sequence">Creation order.</param>
/// <param name="Content">The client-writable fields.</param>
/// <param name="CreatedAt">Creation time (UTC).</param>
/// <param name="UpdatedAt">Last write time (UTC).</param>
public sealed record MappingRecord(Guid Id, long Sequence, MappingContent Content, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt) : ICollectionItem;

using System;

namespace AqueraProvisioning.Sandbox;

/// <summary>A direct membership of a user in a group.</summary>
/// <param name="Id">Membership id (internal; the API names a membership by its group id).</param>
/// <param name="Sequence">Creation order.</param>
/// <param name="UserId">The member.</param>
/// <param name="GroupId">The group.</param>
/// <param name="CreatedAt">When the user was added (UTC).</param>
public sealed record GroupMembership(Guid Id, long Sequence, Guid UserId, Guid GroupId, DateTimeOffset CreatedAt) : ICollectionItem;

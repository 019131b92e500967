using System;

namespace AqueraProvisioning.Sandbox;

/// <summary>A propagation revision: a snapshot marker that makes the console show API changes and starts a resync.</summary>
/// <param name="Id">Revision id.</param>
/// <param name="CreatedAt">Creation time (UTC).</param>
/// <param name="PreviousRevisionId">The revision before this one, absent for the first.</param>
public sealed record RevisionRecord(Guid Id, DateTimeOffset CreatedAt, Guid? PreviousRevisionId);

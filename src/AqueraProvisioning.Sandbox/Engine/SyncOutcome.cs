using System;
using System.Collections.Generic;

namespace AqueraProvisioning.Sandbox;

/// <summary>How one rule fared for one user (or group) the last time the engine considered it.</summary>
/// <param name="Id">Internal id of the record.</param>
/// <param name="Sequence">Creation order.</param>
/// <param name="SubjectId">The user's (or group's) id.</param>
/// <param name="RuleId">The rule.</param>
/// <param name="Status"><c>SUCCESS</c>, <c>FAILED</c>, <c>UNSYNCED</c>, <c>PARTIAL</c> or <c>DEPROVISIONED</c>.</param>
/// <param name="LastSyncAt">When the engine last considered it.</param>
/// <param name="Details">Why, when the status is not SUCCESS: <c>(code, message)</c> pairs.</param>
public sealed record SyncOutcome(
    Guid Id,
    long Sequence,
    Guid SubjectId,
    Guid RuleId,
    string Status,
    DateTimeOffset LastSyncAt,
    IReadOnlyList<SyncDetail> Details) : ICollectionItem;

/// <summary>One reason in a <see cref="SyncOutcome"/>.</summary>
/// <param name="Code">A stable code, for example <c>SCIM_ERROR</c> or <c>CREATE_NOT_ALLOWED</c>.</param>
/// <param name="Message">The reason in words.</param>
public sealed record SyncDetail(string Code, string Message);

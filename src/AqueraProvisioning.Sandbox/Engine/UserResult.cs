using System.Collections.Generic;

namespace AqueraProvisioning.Sandbox;

/// <summary>What the engine did for one user under one rule.</summary>
internal sealed record UserResult(string Status, IReadOnlyList<SyncDetail> Details)
{
    public static readonly UserResult Success = new(SyncStatuses.Success, []);

    public bool IsFailure => Status == SyncStatuses.Failed;

    /// <summary>The first reason, for the store's <c>details</c>.</summary>
    public string? Reason => Details.Count > 0 ? Details[0].Message : null;

    public static UserResult Failed(string code, string message) => new(SyncStatuses.Failed, [new SyncDetail(code, message)]);

    public static UserResult ScimFailed(string? failure) => Failed("SCIM_ERROR", failure ?? "the SCIM service did not answer");

    public static UserResult Unsynced(string code, string message) => new(SyncStatuses.Unsynced, [new SyncDetail(code, message)]);

    public static UserResult Deprovisioned(string message) => new(SyncStatuses.Deprovisioned, [new SyncDetail("DEPROVISIONED", message)]);
}

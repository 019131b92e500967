using System;
using System.Collections.Generic;

namespace AqueraProvisioning.Core;

/// <summary>
/// Where one PingOne user stands for one rule: PingOne's own record of the last sync (status, when, details), or,
/// when PingOne has none, what the module can tell about why not.
/// </summary>
public sealed class AqueraUserProvisioningStatus
{
    /// <summary>Status when PingOne has no sync record of the user for the rule.</summary>
    public const string NotSynced = "NotSynced";

    /// <summary>The username.</summary>
    public string User { get; set; } = string.Empty;

    /// <summary>The user id.</summary>
    public string UserId { get; set; } = string.Empty;

    /// <summary>The rule name.</summary>
    public string Rule { get; set; } = string.Empty;

    /// <summary>The rule id.</summary>
    public string RuleId { get; set; } = string.Empty;

    /// <summary>The name of the rule's Aquera connection.</summary>
    public string? Connection { get; set; }

    /// <summary>The id of the rule's Aquera connection.</summary>
    public string? ConnectionId { get; set; }

    /// <summary>
    /// Success, Failed, Unsynced (no account made, for example because creating is not allowed), Partial (an account
    /// exists but a change was not allowed), Deprovisioned, or NotSynced when PingOne has no record; any other word
    /// PingOne uses is kept as it came.
    /// </summary>
    public string Status { get; set; } = NotSynced;

    /// <summary>When PingOne last synchronised the user for this rule.</summary>
    public DateTimeOffset? LastSyncAt { get; set; }

    /// <summary>PingOne's details ("code: message"), empty on success.</summary>
    public IReadOnlyList<string> Details { get; set; } = Array.Empty<string>();

    /// <summary>Why the user did not (or did only partly) reach Aquera, in words; null on success.</summary>
    public string? Explanation { get; set; }

    /// <summary>"user / rule: status".</summary>
    public override string ToString() => User + " / " + Rule + ": " + Status;
}

namespace AqueraProvisioning.Sandbox;

/// <summary>The synced-rule status words (stored upper case; the <c>syncedRuleStatusCase</c> knob may title-case them).</summary>
internal static class SyncStatuses
{
    public const string Success = "SUCCESS";
    public const string Failed = "FAILED";
    public const string Unsynced = "UNSYNCED";
    public const string Partial = "PARTIAL";
    public const string Deprovisioned = "DEPROVISIONED";

    public static string Render(string status, string statusCase) =>
        statusCase == "title" ? status[..1] + status[1..].ToLowerInvariant() : status;
}

namespace AqueraProvisioning.Core;

/// <summary>What a stage check returns before the probe times it and turns it into a <see cref="ScimProbeStageResult"/>.</summary>
internal readonly struct StageOutcome
{
    private StageOutcome(ScimProbeStatus status, string detail, string? hint, string? reason)
    {
        Status = status;
        Detail = detail;
        Hint = hint;
        Reason = reason;
    }

    public ScimProbeStatus Status { get; }

    public string Detail { get; }

    public string? Hint { get; }

    public string? Reason { get; }

    public static StageOutcome Passed(string detail) => new StageOutcome(ScimProbeStatus.Passed, detail, null, null);

    public static StageOutcome Warning(string detail, string reason, string hint) => new StageOutcome(ScimProbeStatus.Warning, detail, hint, reason);

    public static StageOutcome Failed(string detail, string reason, string hint) => new StageOutcome(ScimProbeStatus.Failed, detail, hint, reason);

    public static StageOutcome Skipped(string detail, string reason, string? hint = null) => new StageOutcome(ScimProbeStatus.Skipped, detail, hint, reason);
}

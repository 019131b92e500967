using System;

namespace AqueraProvisioning.Core;

/// <summary>What one stage of the SCIM endpoint probe found. Detail and hint never hold a secret.</summary>
public sealed class ScimProbeStageResult
{
    internal ScimProbeStageResult(ScimProbeStage stage, ScimProbeStatus status, string detail, string? hint, string? reason, TimeSpan duration)
    {
        Stage = stage;
        Status = status;

        // Every text passes the redactor: a server can echo anything, a token included, into a body or header.
        Detail = Redactor.RedactText(detail);
        Hint = hint is null ? null : Redactor.RedactText(hint);
        Reason = reason;
        Duration = duration;
    }

    /// <summary>Which stage.</summary>
    public ScimProbeStage Stage { get; }

    /// <summary>Passed, Warning, Failed or Skipped.</summary>
    public ScimProbeStatus Status { get; }

    /// <summary>What was checked and what came back.</summary>
    public string Detail { get; }

    /// <summary>The likely cause and what fixes it, when the stage did not simply pass.</summary>
    public string? Hint { get; }

    /// <summary>A stable code from <see cref="ScimProbeReasons"/>; null when the stage passed cleanly.</summary>
    public string? Reason { get; }

    /// <summary>How long the stage took.</summary>
    public TimeSpan Duration { get; }

    /// <summary>A copy with more text after the hint (the cmdlets add PowerShell advice this way).</summary>
    /// <param name="advice">The sentence to add.</param>
    public ScimProbeStageResult WithAdvice(string advice) =>
        string.IsNullOrEmpty(advice)
            ? this
            : new ScimProbeStageResult(Stage, Status, Detail, string.IsNullOrEmpty(Hint) ? advice : Hint + " " + advice, Reason, Duration);

    /// <summary>One line: stage, status and detail.</summary>
    public override string ToString() => Stage + ": " + Status + " - " + Detail;
}

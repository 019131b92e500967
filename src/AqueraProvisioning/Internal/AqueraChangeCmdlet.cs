using System.Management.Automation;
using AqueraProvisioning.Core;

namespace AqueraProvisioning.Internal;

/// <summary>
/// The base of every cmdlet that changes connections: after the last input object, one propagation revision for
/// the whole invocation (so the admin console shows the changes), unless -NoRevision or nothing changed.
/// </summary>
public abstract class AqueraChangeCmdlet : AqueraCmdlet
{
    private bool _changed;

    /// <summary>
    /// <para type="description">Do not create a propagation revision after the changes. Use it when a script makes many calls and creates one revision at the end.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter NoRevision { get; set; }

    /// <summary>Records that this invocation changed something.</summary>
    internal void MarkChanged() => _changed = true;

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        base.EndProcessing();
        if (!_changed || NoRevision.IsPresent)
        {
            return;
        }

        PingOneSession session = RequireSession();
        try
        {
            PropagationRevision revision = Run(ct => session.CreateRevisionAsync(Context, ct));
            WriteVerbose("Created propagation revision " + revision.Id + " so the admin console shows the changes.");
        }
        catch (PingOneApiException ex)
        {
            WriteError(RevisionFailed(ex));
        }
    }

    /// <summary>The error for a revision that failed after the changes were saved.</summary>
    internal ErrorRecord RevisionFailed(PingOneApiException ex) =>
        ErrorRecordFor(new AqueraOperationException(ErrorIds.RevisionFailed, "The changes were saved, but the propagation revision that makes the admin console show them failed: " + ex.Message, ex), null);
}

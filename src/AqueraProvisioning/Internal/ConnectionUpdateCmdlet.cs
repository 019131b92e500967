using System.Management.Automation;
using System.Security;
using AqueraProvisioning.Core;

namespace AqueraProvisioning.Internal;

/// <summary>
/// The template of the Set cmdlets: read the connection, ask ShouldProcess, test when it would be enabled, PUT it
/// back whole with only the asked changes, and optionally pass the result on.
/// </summary>
public abstract class ConnectionUpdateCmdlet : ConnectionTargetCmdlet
{
    /// <summary><para type="description">The connection's current bearer token, or a new one. Needed when PingOne does not return the stored secret.</para></summary>
    [Parameter]
    public SecureString? BearerToken { get; set; }

    /// <summary><para type="description">The connection's current Basic Auth user and password, or new ones. Needed when PingOne does not return the stored secret.</para></summary>
    [Parameter]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary><para type="description">Save even when the connection would be enabled and its connection test fails.</para></summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary><para type="description">Write the changed connection.</para></summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>The ShouldProcess action text, such as "Enable".</summary>
    internal abstract string Action { get; }

    /// <summary>Whether the connection test may be skipped (Set-AqueraConnection -SkipConnectionTest).</summary>
    internal virtual bool SkipTest => false;

    /// <summary>Whether a failed connection test is followed by a direct probe (Set-AqueraConnection -Diagnose).</summary>
    internal virtual bool DiagnoseFailedTest => false;

    /// <summary>The changes this invocation asks for; credentials are added by the template.</summary>
    internal abstract AqueraConnectionChanges BuildChanges();

    /// <summary>Checks a prepared change against the saved connection before anything is asked or sent.</summary>
    internal virtual void CheckPending(PingOneSession session, PendingUpdate pending)
    {
    }

    /// <summary>Called after a change was saved.</summary>
    internal virtual void OnApplied(PendingUpdate pending, AqueraUpdateResult result)
    {
    }

    /// <inheritdoc />
    internal override void ProcessInput()
    {
        PingOneSession session = RequireSession();
        ForEachTarget(session, id =>
        {
            AqueraConnectionChanges changes = BuildChanges();
            changes.Credential = CredentialInput.From(BearerToken, Credential);
            PendingUpdate pending = Run(ct => session.Connections.PrepareUpdateAsync(id, changes, Context, ct));
            CheckPending(session, pending);
            ReportProgress(Action + " Aquera connections", pending.Current.Name);
            if (!ShouldProcess(Describe(pending.Current), Action))
            {
                return;
            }

            var options = new AqueraUpdateOptions { TestBeforeEnabling = !SkipTest, Force = Force.IsPresent };
            AqueraUpdateResult result;
            try
            {
                result = Run(ct => session.Connections.ApplyAsync(pending, options, Context, ct));
            }
            catch (AqueraOperationException ex) when (DiagnoseFailedTest && ex.ErrorId == ErrorIds.EnableRefused)
            {
                throw ConnectionDiagnosis.Attach(this, ex, ScimProbeTarget.For(pending));
            }

            if (result.Changed)
            {
                MarkChanged();
                Slot.ForgetConnection(pending.Current.Name);
                Slot.RememberConnection(result.Connection);
                OnApplied(pending, result);
            }

            if (PassThru.IsPresent)
            {
                WriteObject(result.Connection);
            }
        });
    }
}

using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using AqueraProvisioning.Core;

namespace AqueraProvisioning.Internal;

/// <summary>
/// The base of every cmdlet: one operation context (and so one transaction id) per invocation, the single
/// sync-over-async bridge, Ctrl+C cancelling the request in flight, and Core's log written on the pipeline thread.
/// </summary>
public abstract class AqueraCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
    private CmdletLog? _log;
    private OperationContext? _context;
    private ProgressRecord? _progress;
    private ProvisioningCatalog? _catalog;
    private Dictionary<string, AqueraProvisioningRule>? _rulesById;
    private int _processed;
    private int _inputRecord;
    private bool _inRecord;

    /// <summary>The context of this invocation; its transaction id goes on every request.</summary>
    internal OperationContext Context => _context ??= new OperationContext(Log);

    /// <summary>
    /// Made on the pipeline thread by the first <see cref="Run{T}"/>, when -Verbose and -Debug are bound, so that
    /// Core neither builds nor redacts the lines this invocation's preferences would drop.
    /// </summary>
    private CmdletLog Log => _log ??= new CmdletLog(IsShown("Verbose", "VerbosePreference"), IsShown("Debug", "DebugPreference"));

    /// <summary>
    /// What this invocation has read of the provisioning set-up (stores, rules, plan, populations, groups), read once
    /// for all its input objects.
    /// </summary>
    internal ProvisioningCatalog Catalog(PingOneSession session) => _catalog ??= session.Rules.NewCatalog();

    /// <summary>
    /// The rule with this id, read once per invocation: fifty piped mappings of one rule read it once. Only a rule
    /// that was read is kept, so a failure is tried again, and reported again, for the next input that names it.
    /// </summary>
    internal AqueraProvisioningRule RuleById(PingOneSession session, string id)
    {
        _rulesById ??= new Dictionary<string, AqueraProvisioningRule>(StringComparer.Ordinal);
        if (!_rulesById.TryGetValue(id, out AqueraProvisioningRule? rule))
        {
            ProvisioningCatalog catalog = Catalog(session);
            rule = Run(ct => session.Rules.GetAsync(catalog, id, Context, ct));
            _rulesById.Add(id, rule);
        }

        return rule;
    }

    /// <summary>This runspace's slot (session and completion names).</summary>
    internal static RunspaceSlot Slot => SessionRegistry.Current ?? throw new InvalidOperationException("No runspace.");

    /// <summary>Disposes the cancellation source; the engine calls this when the pipeline ends.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes owned resources.</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stopping.Dispose();
        }
    }

    /// <inheritdoc />
    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>Counts the input records, so that errors can name the record they are about, then handles this one.</summary>
    protected override void ProcessRecord()
    {
        if (MyInvocation.ExpectingInput)
        {
            _inputRecord++;
        }

        _inRecord = true;
        try
        {
            ProcessInput();
        }
        finally
        {
            // After the last record (a listing at the end that serves every piped name) no record is "this" one.
            _inRecord = false;
        }
    }

    /// <summary>Handles one input record (or the parameters, without pipeline input).</summary>
    internal virtual void ProcessInput()
    {
    }

    /// <summary>Closes the progress bar, if one was shown.</summary>
    protected override void EndProcessing()
    {
        if (_progress != null)
        {
            // A new record, not the last one changed: hosts that keep the progress stream (jobs, hosted runspaces)
            // hold the records written before, and must still see them as work in progress.
            WriteProgress(new ProgressRecord(_progress.ActivityId, _progress.Activity, _progress.StatusDescription) { RecordType = ProgressRecordType.Completed });
        }
    }

    /// <summary>The session of this runspace, or a terminating AqueraNotConnected error.</summary>
    internal PingOneSession RequireSession()
    {
        PingOneSession? session = Slot.Session;
        if (session is null)
        {
            ThrowTerminatingError(ErrorRecordFor(new AqueraOperationException(ErrorIds.NotConnected, "There is no PingOne session in this runspace."), null));
        }

        return session!;
    }

    /// <summary>
    /// The one place that waits on async Core code. Core never captures a context (CA2007), so blocking here cannot
    /// deadlock; while waiting, the pipeline thread writes Core's log lines as they come.
    /// </summary>
    internal T Run<T>(Func<CancellationToken, Task<T>> operation)
    {
        CmdletLog log = Log;
        Task<T> task;
        try
        {
            task = operation(_stopping.Token);
        }
        finally
        {
            DrainLog();
        }

        if (!task.IsCompleted)
        {
            // Woken by each log line and once when the call completes; no wait handle per call.
            task.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(log.Wake);
            while (!task.IsCompleted)
            {
                log.WaitForSignal();
                DrainLog();
            }
        }

        DrainLog();
        try
        {
#pragma warning disable VSTHRD002 // the single, deliberate sync-over-async point of the module
            return task.GetAwaiter().GetResult();
#pragma warning restore VSTHRD002
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    /// <summary>Runs a Core operation that returns nothing.</summary>
    internal void Run(Func<CancellationToken, Task> operation) =>
        Run(async ct =>
        {
            await operation(ct).ConfigureAwait(false);
            return true;
        });

    /// <summary>Writes a non-terminating error for one input object; the pipeline goes on with the next.</summary>
    internal void WriteFailure(Exception exception, object? target)
    {
        if (exception is PipelineStoppedException)
        {
            throw exception;
        }

        WriteError(ConnectionDiagnosis.Decorate(ErrorRecordFor(exception, target), exception));
    }

    /// <summary>
    /// The error record for a failure of this cmdlet: the input item it is about (the target's name, and in a
    /// pipeline the input record number: PowerShell gives a cmdlet no row number of its own), its advice, and the
    /// invocation's transaction id.
    /// </summary>
    internal ErrorRecord ErrorRecordFor(Exception exception, object? target)
    {
        string? item = target is null ? null : target as string ?? target.ToString() ?? string.Empty;
        return ErrorRecordFactory.WithTransaction(ErrorRecordFactory.Create(exception, target, MyInvocation.MyCommand.Name, item, _inRecord ? _inputRecord : 0), _context?.TransactionId);
    }

    /// <summary>Runs the body for one input object and turns Core's failures into non-terminating errors.</summary>
    internal void ForEachInput(object? target, Action body)
    {
        try
        {
            body();
        }
        catch (AqueraException ex)
        {
            if (!TellRefusalUnderWhatIf(ex, target))
            {
                WriteFailure(ex, target);
            }
        }
    }

    /// <summary>
    /// Under -WhatIf, a refusal that the reads before ShouldProcess found (a name in use, a missing connection, a rule
    /// that cannot be enabled, a connection in use) is told as the "What if:" line, saying that and why the change
    /// would be refused, instead of an error; nothing was sent that changes anything.
    /// </summary>
    private bool TellRefusalUnderWhatIf(AqueraException failure, object? target)
    {
        if (this is not AqueraChangeCmdlet || !WhatIfRefusals.IsPredicted(failure) || !IsOn("WhatIf", "WhatIfPreference"))
        {
            return false;
        }

        string reason = WhatIfRefusals.FirstLine(ErrorRecordFor(failure, null));
        string item = target is null ? string.Empty : " for '" + target + "'";
        string text = MyInvocation.MyCommand.Name + item + " would be refused: " + reason;
        ShouldProcess(text, text, MyInvocation.MyCommand.Name);
        return true;
    }

    /// <summary>Whether any of these parameters was given (a switch given as -Switch:$false is given too).</summary>
    internal bool Bound(params string[] parameters)
    {
        foreach (string parameter in parameters)
        {
            if (MyInvocation.BoundParameters.ContainsKey(parameter))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Ends a Set cmdlet that was given nothing to change, before anything is read: a terminating
    /// ConflictingParameters error, whose advice names the parameters of that cmdlet.
    /// </summary>
    internal void ThrowIfNothingToChange(bool nothingGiven, string message = "Nothing to change was given.")
    {
        if (nothingGiven)
        {
            ThrowTerminatingError(ErrorRecordFor(new AqueraValidationException(ErrorIds.ConflictingParameters, message, null, AqueraInputProblem.Missing), null));
        }
    }

    /// <summary>Runs a body whose failure ends the invocation (a listing that cannot go on), as a terminating error.</summary>
    internal void RunOrTerminate(Action body)
    {
        try
        {
            body();
        }
        catch (AqueraException ex)
        {
            ThrowTerminatingError(ErrorRecordFor(ex, null));
        }
    }

    /// <summary>Shows progress once a cmdlet works through more than one piped object.</summary>
    internal void ReportProgress(string activity, string item)
    {
        _processed++;
        if (_processed < 2)
        {
            return;
        }

        string status = string.Format(System.Globalization.CultureInfo.CurrentCulture, "{0} ({1} so far)", item, _processed);
        _progress = new ProgressRecord(Math.Abs(GetType().Name.GetHashCode()) % 100000, activity, status);
        WriteProgress(_progress);
    }

    /// <summary>Whether a switch common parameter is on: given, else its preference variable.</summary>
    private bool IsOn(string commonParameter, string preferenceVariable) =>
        MyInvocation.BoundParameters.TryGetValue(commonParameter, out object? bound)
            ? IsTrue(bound)
            : IsTrue(GetVariableValue(preferenceVariable));

    private static bool IsTrue(object? value) => value is SwitchParameter flag ? flag.IsPresent : LanguagePrimitives.IsTrue(value);

    /// <summary>Whether WriteVerbose or WriteDebug would show anything: the common parameter, else the preference variable.</summary>
    private bool IsShown(string commonParameter, string preferenceVariable)
    {
        if (MyInvocation.BoundParameters.TryGetValue(commonParameter, out object? bound))
        {
            return IsTrue(bound);
        }

        object? preference = GetVariableValue(preferenceVariable);
        if (preference is PSObject wrapped)
        {
            preference = wrapped.BaseObject;
        }

        if (preference is string text && Enum.TryParse(text, true, out ActionPreference parsed))
        {
            preference = parsed;
        }

        // Anything unexpected keeps every line: a dropped line would be worse than a slower call.
        return preference is not ActionPreference action || (action != ActionPreference.SilentlyContinue && action != ActionPreference.Ignore);
    }

    private void DrainLog()
    {
        while (Log.TryTake(out LogLine line))
        {
            switch (line.Kind)
            {
                case LogKind.Verbose:
                    WriteVerbose(line.Message);
                    break;
                case LogKind.Debug:
                    WriteDebug(line.Message);
                    break;
                default:
                    WriteWarning(line.Message);
                    break;
            }
        }
    }
}

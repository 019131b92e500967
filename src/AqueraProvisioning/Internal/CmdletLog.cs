using System.Collections.Concurrent;
using System.Threading;
using AqueraProvisioning.Core;

namespace AqueraProvisioning.Internal;

/// <summary>
/// Collects Core's log lines from thread-pool threads so the base cmdlet can write them on the pipeline thread,
/// the only thread allowed to call WriteVerbose and friends. Verbose and Debug lines that the invocation's
/// preferences would drop are not queued at all, and Core is told so it does not build them.
/// </summary>
internal sealed class CmdletLog : IOperationLog, IOperationLogLevels, System.IDisposable
{
    private readonly ConcurrentQueue<LogLine> _lines = new ConcurrentQueue<LogLine>();

    public CmdletLog(bool verboseEnabled, bool debugEnabled)
    {
        IsVerboseEnabled = verboseEnabled;
        IsDebugEnabled = debugEnabled;
    }

    public bool IsVerboseEnabled { get; }

    public bool IsDebugEnabled { get; }

    /// <summary>Signalled whenever a line arrives, so the waiting pipeline thread wakes up to write it.</summary>
    public AutoResetEvent Arrived { get; } = new AutoResetEvent(false);

    public void Verbose(string message)
    {
        if (IsVerboseEnabled)
        {
            Add(LogKind.Verbose, message);
        }
    }

    public void Debug(string message)
    {
        if (IsDebugEnabled)
        {
            Add(LogKind.Debug, message);
        }
    }

    public void Warning(string message) => Add(LogKind.Warning, message);

    public bool TryTake(out LogLine line) => _lines.TryDequeue(out line);

    public void Dispose() => Arrived.Dispose();

    private void Add(LogKind kind, string message)
    {
        // Core redacts already; redacting again here keeps this the last line of defence for every stream.
        _lines.Enqueue(new LogLine(kind, Redactor.RedactText(message)));
        Arrived.Set();
    }
}

/// <summary>Which stream a log line belongs to.</summary>
internal enum LogKind
{
    Verbose,
    Debug,
    Warning,
}

/// <summary>One queued log line.</summary>
internal readonly struct LogLine
{
    public LogLine(LogKind kind, string message)
    {
        Kind = kind;
        Message = message;
    }

    public LogKind Kind { get; }

    public string Message { get; }
}

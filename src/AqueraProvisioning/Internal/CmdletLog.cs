using System;
using System.Collections.Concurrent;
using System.Threading;
using AqueraProvisioning.Core;

namespace AqueraProvisioning.Internal;

/// <summary>
/// Collects Core's log lines from thread-pool threads so the base cmdlet can write them on the pipeline thread,
/// the only thread allowed to call WriteVerbose and friends. Verbose and Debug lines that the invocation's
/// preferences would drop are not queued at all, and Core is told so it does not build them.
/// </summary>
#pragma warning disable CA1001 // _signal is deliberately never disposed; see there
internal sealed class CmdletLog : IOperationLog, IOperationLogLevels
#pragma warning restore CA1001
{
    private readonly ConcurrentQueue<LogLine> _lines = new ConcurrentQueue<LogLine>();

    // Released for every line and when the awaited call completes. A SemaphoreSlim spins a little before it blocks,
    // so an answer that comes within microseconds costs the waiting thread no sleep and wake-up. It is never
    // disposed: it holds no handle, and a completing call may still release it after the cmdlet has finished.
    private readonly SemaphoreSlim _signal = new SemaphoreSlim(0);

    public CmdletLog(bool verboseEnabled, bool debugEnabled)
    {
        IsVerboseEnabled = verboseEnabled;
        IsDebugEnabled = debugEnabled;
        Wake = () => _signal.Release();
    }

    public bool IsVerboseEnabled { get; }

    public bool IsDebugEnabled { get; }

    /// <summary>Wakes the pipeline thread in <see cref="WaitForSignal"/>; Core's lines do this by themselves.</summary>
    public Action Wake { get; }

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

    /// <summary>Blocks until a line arrives or <see cref="Wake"/> is called.</summary>
    public void WaitForSignal() => _signal.Wait();

    private void Add(LogKind kind, string message)
    {
        // Core redacts already; redacting again here keeps this the last line of defence for every stream.
        _lines.Enqueue(new LogLine(kind, Redactor.RedactText(message)));
        _signal.Release();
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

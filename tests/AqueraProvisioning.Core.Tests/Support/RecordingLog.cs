using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace AqueraProvisioning.Core.Tests.Support;

/// <summary>An operation log that keeps every line, thread-safely, so tests can read what a user would see.</summary>
internal sealed class RecordingLog : IOperationLog
{
    private readonly ConcurrentQueue<(string Stream, string Text)> _lines = new();

    public IReadOnlyList<string> VerboseLines => _lines.Where(l => l.Stream == "Verbose").Select(l => l.Text).ToList();

    public IReadOnlyList<string> DebugLines => _lines.Where(l => l.Stream == "Debug").Select(l => l.Text).ToList();

    public IReadOnlyList<string> WarningLines => _lines.Where(l => l.Stream == "Warning").Select(l => l.Text).ToList();

    public string AllText => string.Join("\n", _lines.Select(l => l.Stream + ": " + l.Text));

    public void Verbose(string message) => _lines.Enqueue(("Verbose", message));

    public void Debug(string message) => _lines.Enqueue(("Debug", message));

    public void Warning(string message) => _lines.Enqueue(("Warning", message));
}

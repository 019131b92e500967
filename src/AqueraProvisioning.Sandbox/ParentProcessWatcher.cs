using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// Completes when the process that started the sandbox is gone, so a demo that dies never leaves a sandbox running.
/// Polls because an unrelated process cannot be waited on portably.
/// </summary>
internal static class ParentProcessWatcher
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public static async Task WaitForExitAsync(int processId, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(PollInterval);
        while (IsAlive(processId))
        {
            await timer.WaitForNextTickAsync(cancellationToken);
        }
    }

    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited && !IsZombie(processId);
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    // On Linux a dead process whose own parent has not reaped it yet still has a pid; its state letter is Z.
    private static bool IsZombie(int processId)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            var afterName = stat.LastIndexOf(')');
            return afterName >= 0 && afterName + 2 < stat.Length && stat[afterName + 2] == 'Z';
        }
        catch (IOException)
        {
            return true;
        }
    }
}

using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// The exe: starts a sandbox, prints the ready line (the only stdout output) and runs until SIGTERM, Ctrl+C, or the
/// <c>--parent-pid</c> process disappears.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (CommandLine.TryParse(args, out var error) is not { } commandLine)
        {
            await Console.Error.WriteLineAsync(error + Environment.NewLine + CommandLine.Usage);
            return 2;
        }

        using var stop = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => RequestStop(signal, stop));
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => RequestStop(signal, stop));

        SandboxServer server;
        try
        {
            server = await SandboxServer.StartAsync(commandLine.Options, stop.Token);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ArgumentException)
        {
            await Console.Error.WriteLineAsync("The sandbox could not start: " + exception.Message);
            return 1;
        }

        await using (server)
        {
            await Console.Out.WriteLineAsync(ReadyLine.Format(server.Info));
            await Console.Out.FlushAsync();
            await WaitForStopAsync(commandLine.ParentPid, stop.Token);
        }

        return 0;
    }

    private static void RequestStop(PosixSignalContext signal, CancellationTokenSource stop)
    {
        // Cancel the default termination so the server shuts down cleanly in Main.
        signal.Cancel = true;
        stop.Cancel();
    }

    private static async Task WaitForStopAsync(int? parentPid, CancellationToken stopToken)
    {
        try
        {
            if (parentPid is { } pid)
            {
                await ParentProcessWatcher.WaitForExitAsync(pid, stopToken);
            }
            else
            {
                await Task.Delay(Timeout.Infinite, stopToken);
            }
        }
        catch (OperationCanceledException)
        {
            // A signal asked us to stop.
        }
    }
}

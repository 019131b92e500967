using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace AqueraProvisioning.Sandbox.Tests;

/// <summary>The exe as the demo and Pester start it: a child process that prints one ready line.</summary>
public sealed class ProgramTests
{
    private static readonly string SandboxDll = Path.Combine(AppContext.BaseDirectory, "AqueraProvisioning.Sandbox.dll");

    [Fact]
    public async Task Prints_exactly_one_ready_line_and_stops_on_sigterm()
    {
        using var sandbox = Start("--port", "0");
        var ready = JsonNode.Parse((await sandbox.StandardOutput.ReadLineAsync())!)!.AsObject();

        Assert.Equal(
            ["baseUrl", "apiUrl", "authUrl", "scimUrl", "controlUrl", "environmentId", "clientId", "clientSecret", "scimBearerToken", "scimUser", "scimPassword", "workerEnvironmentId"],
            ready.Select(p => p.Key));
        var baseUrl = Json.Text(ready["baseUrl"]);
        Assert.StartsWith("http://127.0.0.1:", baseUrl, StringComparison.Ordinal);
        Assert.Equal(baseUrl + "/v1", Json.Text(ready["apiUrl"]));
        Assert.Equal(baseUrl + "/scim/v2", Json.Text(ready["scimUrl"]));
        using (var client = new HttpClient())
        using (var stats = await client.GetAsync(Json.Text(ready["controlUrl"]) + "/stats"))
        {
            stats.EnsureSuccessStatusCode();
        }

        using (var kill = Process.Start("kill", ["-TERM", sandbox.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        Assert.True(await ExitsWithinAsync(sandbox, TimeSpan.FromSeconds(5)));
        Assert.Equal(0, sandbox.ExitCode);
        Assert.Equal(string.Empty, await sandbox.StandardOutput.ReadToEndAsync());
    }

    [Fact]
    public async Task Exits_soon_after_the_parent_process_is_gone()
    {
        using var parent = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        using var sandbox = Start("--parent-pid", parent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotNull(await sandbox.StandardOutput.ReadLineAsync());

        parent.Kill();

        Assert.True(await ExitsWithinAsync(sandbox, TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task Bad_arguments_exit_2_with_nothing_on_stdout()
    {
        using var sandbox = Start("--secrets", "mask");

        Assert.True(await ExitsWithinAsync(sandbox, TimeSpan.FromSeconds(10)));
        Assert.Equal(2, sandbox.ExitCode);
        Assert.Equal(string.Empty, await sandbox.StandardOutput.ReadToEndAsync());
        Assert.Contains("usage:", await sandbox.StandardError.ReadToEndAsync(), StringComparison.Ordinal);
    }

    private static Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(SandboxDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    private static async Task<bool> ExitsWithinAsync(Process process, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return false;
        }
    }
}

using System;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net;
using System.Security;
using AqueraProvisioning.Commands;
using AqueraProvisioning.Sandbox;

namespace AqueraProvisioning.Cmdlets.Tests.Support;

/// <summary>
/// Hosts the module's cmdlets in-process: a default session state with the built AqueraProvisioning.dll imported
/// as a module (and its format file), so cmdlets bind, write streams and stop exactly as in pwsh.
/// </summary>
internal static class CmdletHost
{
    private static readonly Lazy<InitialSessionState> s_state = new(CreateState);

    /// <summary>A PowerShell on a new runspace of its own (so a session of its own).</summary>
    public static PowerShell NewShell() => PowerShell.Create(s_state.Value);

    /// <summary>An open runspace to run several commands in one session.</summary>
    public static Runspace OpenRunspace()
    {
        Runspace runspace = RunspaceFactory.CreateRunspace(s_state.Value);
        runspace.Open();
        return runspace;
    }

    /// <summary>A PowerShell that runs on an existing runspace.</summary>
    public static PowerShell On(Runspace runspace)
    {
        PowerShell ps = PowerShell.Create();
        ps.Runspace = runspace;
        return ps;
    }

    public static SecureString Secure(string text) => new NetworkCredential(string.Empty, text).SecurePassword;

    /// <summary>Adds Connect-AqueraPingOne with the sandbox's worker credentials; override any parameter after it.</summary>
    public static PowerShell AddConnect(this PowerShell ps, SandboxInfo info, string? clientSecret = null) =>
        ps.AddCommand("Connect-AqueraPingOne")
            .AddParameter("EnvironmentId", info.EnvironmentId)
            .AddParameter("ClientId", info.ClientId)
            .AddParameter("ClientSecret", Secure(clientSecret ?? info.ClientSecret))
            .AddParameter("ApiUrl", new Uri(info.ApiUrl))
            .AddParameter("AuthUrl", new Uri(info.AuthUrl));

    /// <summary>Connects a runspace to the sandbox and fails the test if that does not work.</summary>
    public static void Connect(Runspace runspace, SandboxInfo info, Action<PowerShell>? more = null)
    {
        using PowerShell ps = On(runspace);
        ps.AddConnect(info);
        more?.Invoke(ps);
        Invocation.Run(ps).AssertSucceeded();
    }

    private static InitialSessionState CreateState()
    {
        InitialSessionState state = InitialSessionState.CreateDefault2();
        string module = typeof(ConnectAqueraPingOneCommand).Assembly.Location;
        state.ImportPSModule(module);
        string format = Path.Combine(Path.GetDirectoryName(module)!, "AqueraProvisioning.Format.ps1xml");
        if (File.Exists(format))
        {
            state.Formats.Add(new SessionStateFormatEntry(format));
        }

        return state;
    }
}

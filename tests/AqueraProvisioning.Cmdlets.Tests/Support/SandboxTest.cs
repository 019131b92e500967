using System;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace AqueraProvisioning.Cmdlets.Tests.Support;

/// <summary>The base of the test classes: the collection's sandbox, reset before every test.</summary>
public abstract class SandboxTest
{
    protected SandboxTest(SandboxFixture sandbox)
    {
        Sandbox = sandbox ?? throw new ArgumentNullException(nameof(sandbox));
        sandbox.Reset();
    }

    protected SandboxFixture Sandbox { get; }

    /// <summary>An open runspace whose session is connected to the sandbox; extra Connect parameters through <paramref name="more"/>.</summary>
    protected Runspace Connected(Action<PowerShell>? more = null)
    {
        Runspace runspace = CmdletHost.OpenRunspace();
        CmdletHost.Connect(runspace, Sandbox.Info, more);
        return runspace;
    }
}

using System;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using AqueraProvisioning.Cmdlets.Tests.Support;
using AqueraProvisioning.Core;
using Xunit;

namespace AqueraProvisioning.Cmdlets.Tests;

/// <summary>A session belongs to its runspace: another runspace neither sees it nor loses it.</summary>
[Collection(OneSandbox.Name)]
public sealed class RunspaceIsolationTests : SandboxTest
{
    public RunspaceIsolationTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    [Fact]
    public void Two_runspaces_each_see_only_their_own_session()
    {
        using Runspace first = CmdletHost.OpenRunspace();
        using Runspace second = CmdletHost.OpenRunspace();
        using Runspace never = CmdletHost.OpenRunspace();
        CmdletHost.Connect(first, Sandbox.Info, ps => ps.AddParameter("ClientAuthentication", ClientAuthenticationMethod.ClientSecretBasic));
        Assert.Null(Context(second));

        CmdletHost.Connect(second, Sandbox.Info, ps => ps.AddParameter("ClientAuthentication", ClientAuthenticationMethod.ClientSecretPost).AddParameter("TimeoutSec", 42));
        Assert.Equal(ClientAuthenticationMethod.ClientSecretBasic, Context(first)!.ClientAuthentication);
        Assert.Equal(ClientAuthenticationMethod.ClientSecretPost, Context(second)!.ClientAuthentication);
        Assert.Null(Context(never));

        using (PowerShell disconnect = CmdletHost.On(first))
        {
            Invocation.Run(disconnect.AddCommand("Disconnect-AqueraPingOne")).AssertSucceeded();
        }

        Assert.Null(Context(first));
        Assert.Equal(ClientAuthenticationMethod.ClientSecretPost, Context(second)!.ClientAuthentication);
        using (PowerShell list = CmdletHost.On(second))
        {
            Invocation.Run(list.AddCommand("Get-AqueraConnection")).AssertSucceeded();
        }

        using PowerShell notConnected = CmdletHost.On(first);
        Assert.Equal(
            "AqueraNotConnected,AqueraProvisioning.Commands.GetAqueraConnectionCommand",
            Invocation.Run(notConnected.AddCommand("Get-AqueraConnection")).SingleError.FullyQualifiedErrorId);
    }

    private static PingOneContextInfo? Context(Runspace runspace)
    {
        using PowerShell ps = CmdletHost.On(runspace);
        return Invocation.Run(ps.AddCommand("Get-AqueraPingOneContext")).AssertSucceeded().Output.SingleOrDefault()?.BaseObject as PingOneContextInfo;
    }
}

using System;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using AqueraProvisioning.Cmdlets.Tests.Support;
using AqueraProvisioning.Core;
using AqueraProvisioning.Core.Tests.Support;
using Xunit;

namespace AqueraProvisioning.Cmdlets.Tests;

/// <summary>Connect-AqueraPingOne -Proxy sends every request of the session through that forward proxy.</summary>
[Collection(OneSandbox.Name)]
public sealed class ProxyTests : SandboxTest
{
    public ProxyTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    [Fact]
    public void Token_and_API_requests_all_pass_through_the_session_proxy()
    {
        using var proxy = new LoopbackForwardProxy();
        using Runspace runspace = CmdletHost.OpenRunspace();
        PingOneContextInfo context;
        using (PowerShell connect = CmdletHost.On(runspace))
        {
            connect.AddConnect(Sandbox.Info).AddParameter("Proxy", proxy.Address).AddParameter("PassThru");
            context = (PingOneContextInfo)Assert.Single(Invocation.Run(connect).AssertSucceeded().Output).BaseObject;
        }

        using (PowerShell work = CmdletHost.On(runspace))
        {
            work.AddCommand("New-AqueraConnection")
                .AddParameter("Name", "via-proxy")
                .AddParameter("ScimUrl", Sandbox.Info.ScimUrl)
                .AddParameter("BearerToken", CmdletHost.Secure(Sandbox.Info.ScimBearerToken))
                .AddParameter("SkipConnectionTest")
                .AddStatement()
                .AddCommand("Get-AqueraConnection");
            // New writes the created connection, then Get lists it: both answers came back through the proxy.
            Assert.Equal(["via-proxy", "via-proxy"], Invocation.Run(work).AssertSucceeded().Output.Select(o => ((AqueraConnection)o.BaseObject).Name));
        }

        Assert.Equal(proxy.Address, context.Proxy);
        // Request lines as the proxy got them, without the trailing protocol version.
        string[] relayed = proxy.RequestLines.Select(line => line[..line.LastIndexOf(' ')]).ToArray();
        string stores = Sandbox.Info.ApiUrl + "/environments/" + Sandbox.Info.EnvironmentId + "/propagation/stores";
        Assert.Contains("POST " + Sandbox.Info.AuthUrl + "/" + Sandbox.Info.EnvironmentId + "/as/token", relayed);
        Assert.Contains(relayed, r => r.StartsWith("GET " + stores, StringComparison.Ordinal));
        Assert.Contains("POST " + stores, relayed);
        Assert.Contains("POST " + Sandbox.Info.ApiUrl + "/environments/" + Sandbox.Info.EnvironmentId + "/propagation/revisions", relayed);

        // Nothing reached the sandbox around the proxy.
        Assert.Equal(Sandbox.Requests().Count, relayed.Length);
    }
}

using System;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net;
using System.Text;
using AqueraProvisioning.Cmdlets.Tests.Support;
using AqueraProvisioning.Core;
using Xunit;

namespace AqueraProvisioning.Cmdlets.Tests;

/// <summary>Wrong worker credentials fail at Connect, as an authentication error that never shows the secret.</summary>
[Collection(OneSandbox.Name)]
public sealed class WrongClientSecretTests : SandboxTest
{
    private const string WrongSecret = "wrong-client-secret-Zx81Qp0Lm3Vb7Ty5";

    public WrongClientSecretTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    [Theory]
    [InlineData(ClientAuthenticationMethod.ClientSecretBasic)]
    [InlineData(ClientAuthenticationMethod.ClientSecretPost)]
    public void A_wrong_client_secret_fails_at_Connect_with_AuthenticationError_and_no_trace_of_the_secret(ClientAuthenticationMethod method)
    {
        using Runspace runspace = CmdletHost.OpenRunspace();
        using PowerShell ps = CmdletHost.On(runspace);
        ps.AddConnect(Sandbox.Info, WrongSecret)
            .AddParameter("ClientAuthentication", method)
            .AddParameter("Verbose")
            .AddParameter("Debug");

        Invocation result = Invocation.Run(ps);

        Assert.NotNull(result.Terminating);
        ErrorRecord error = result.SingleError;
        Assert.Equal("AqueraAuthenticationFailed,AqueraProvisioning.Commands.ConnectAqueraPingOneCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.NotNull(error.ErrorDetails);
        Assert.Contains("HTTP 401", error.ErrorDetails.Message, StringComparison.Ordinal);
        Assert.NotEmpty(result.Debug);

        // The secret as typed, as the form body carries it, and inside the Basic header.
        string[] forms =
        [
            WrongSecret,
            WebUtility.UrlEncode(WrongSecret),
            Convert.ToBase64String(Encoding.UTF8.GetBytes(WebUtility.UrlEncode(Sandbox.Info.ClientId) + ":" + WebUtility.UrlEncode(WrongSecret))),
        ];
        foreach (string text in result.AllText())
        {
            foreach (string secret in forms)
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }

        Assert.Equal(401, Assert.Single(Sandbox.TokenRequests()).Status);
        Assert.Empty(Sandbox.ApiRequests());
        using PowerShell context = CmdletHost.On(runspace);
        Assert.Empty(Invocation.Run(context.AddCommand("Get-AqueraPingOneContext")).AssertSucceeded().Output);
    }
}

using System;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using AqueraProvisioning.Cmdlets.Tests.Support;
using AqueraProvisioning.Core;
using Xunit;

namespace AqueraProvisioning.Cmdlets.Tests;

/// <summary>
/// The two credential parameter sets: -BearerToken and -Credential each bind and become their authentication
/// method; given together they are refused before any request, by the binder or by the cmdlet.
/// </summary>
[Collection(OneSandbox.Name)]
public sealed class ParameterBindingTests : SandboxTest
{
    public ParameterBindingTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    [Fact]
    public void New_AqueraConnection_with_BearerToken_binds_the_bearer_set_and_creates_a_bearer_connection()
    {
        using Runspace runspace = Connected();
        using PowerShell ps = CmdletHost.On(runspace);
        NewConnection(ps, "bearer-one").AddParameter("BearerToken", CmdletHost.Secure(Sandbox.Info.ScimBearerToken));

        var created = (AqueraConnection)Assert.Single(Invocation.Run(ps).AssertSucceeded().Output).BaseObject;

        Assert.Equal(AqueraAuthenticationMethod.BearerToken, created.AuthenticationMethod);
        Assert.Equal("OAuth Bearer Token", StoredConfiguration("bearer-one", "AUTHENTICATION_METHOD"));
    }

    [Fact]
    public void New_AqueraConnection_with_Credential_binds_the_Basic_set_and_creates_a_Basic_connection()
    {
        using Runspace runspace = Connected();
        using PowerShell ps = CmdletHost.On(runspace);
        NewConnection(ps, "basic-one").AddParameter("Credential", new PSCredential(Sandbox.Info.ScimUser, CmdletHost.Secure(Sandbox.Info.ScimPassword)));

        var created = (AqueraConnection)Assert.Single(Invocation.Run(ps).AssertSucceeded().Output).BaseObject;

        Assert.Equal(AqueraAuthenticationMethod.BasicAuth, created.AuthenticationMethod);
        Assert.Equal(Sandbox.Info.ScimUser, StoredConfiguration("basic-one", "BASIC_AUTH_USER"));
    }

    [Fact]
    public void New_AqueraConnection_with_both_BearerToken_and_Credential_is_refused_by_the_binder()
    {
        using Runspace runspace = Connected();
        using PowerShell ps = CmdletHost.On(runspace);
        NewConnection(ps, "both")
            .AddParameter("BearerToken", CmdletHost.Secure(Sandbox.Info.ScimBearerToken))
            .AddParameter("Credential", new PSCredential(Sandbox.Info.ScimUser, CmdletHost.Secure(Sandbox.Info.ScimPassword)));

        Invocation result = Invocation.Run(ps);

        Assert.IsType<ParameterBindingException>(result.Terminating);
        Assert.Equal("AmbiguousParameterSet,AqueraProvisioning.Commands.NewAqueraConnectionCommand", result.SingleError.FullyQualifiedErrorId);
        Assert.Empty(Sandbox.ApiRequests());
    }

    [Fact]
    public void Connect_with_both_Credential_and_ClientSecret_is_refused_by_the_binder_before_any_token_request()
    {
        using PowerShell ps = CmdletHost.NewShell();
        ps.AddConnect(Sandbox.Info).AddParameter("Credential", new PSCredential(Sandbox.Info.ClientId, CmdletHost.Secure(Sandbox.Info.ClientSecret)));

        Invocation result = Invocation.Run(ps);

        Assert.IsType<ParameterBindingException>(result.Terminating);
        Assert.Equal("AmbiguousParameterSet,AqueraProvisioning.Commands.ConnectAqueraPingOneCommand", result.SingleError.FullyQualifiedErrorId);
        Assert.Empty(Sandbox.Requests());
    }

    [Theory]
    [InlineData("Set-AqueraConnection", "SetAqueraConnectionCommand", "Description", "new text")]
    [InlineData("Set-AqueraConnectionState", "SetAqueraConnectionStateCommand", "State", "Enabled")]
    [InlineData("Set-AqueraPreferences", "SetAqueraPreferencesCommand", "AllowCreate", true)]
    [InlineData("Test-AqueraConnection", "TestAqueraConnectionCommand", null, null)]
    public void Credential_and_BearerToken_together_are_AqueraConflictingParameters_and_send_nothing(string cmdlet, string type, string? parameter, object? value)
    {
        using Runspace runspace = Connected();
        using PowerShell ps = CmdletHost.On(runspace);
        string id = Guid.NewGuid().ToString();
        ps.AddCommand(cmdlet)
            .AddParameter("Id", id)
            .AddParameter("BearerToken", CmdletHost.Secure("rotated-token-Gh7Lm2Pq9Rs4"))
            .AddParameter("Credential", new PSCredential("someone", CmdletHost.Secure("rotated-password-Vb3Nx8Kq1")));
        if (parameter != null)
        {
            ps.AddParameter(parameter, value);
        }

        ErrorRecord error = Invocation.Run(ps).SingleError;

        Assert.Equal("AqueraConflictingParameters,AqueraProvisioning.Commands." + type, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal("Pass either -BearerToken (Bearer Token) or -Credential (Basic Auth), not both.", error.ErrorDetails.RecommendedAction);
        Assert.StartsWith("'" + id + "': " + error.Exception.Message, error.ErrorDetails.Message, StringComparison.Ordinal);
        Assert.EndsWith(error.ErrorDetails.RecommendedAction, error.ErrorDetails.Message, StringComparison.Ordinal);
        Assert.Empty(Sandbox.ApiRequests());
    }


    private PowerShell NewConnection(PowerShell ps, string name) =>
        ps.AddCommand("New-AqueraConnection").AddParameter("Name", name).AddParameter("ScimUrl", Sandbox.Info.ScimUrl).AddParameter("NoRevision");

    private string? StoredConfiguration(string name, string key) =>
        Sandbox.State.Stores.Snapshot().Single(s => s.Content.Name == name).Content.ConfigurationString(key);
}

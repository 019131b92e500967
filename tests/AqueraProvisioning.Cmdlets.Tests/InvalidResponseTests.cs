using System;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using AqueraProvisioning.Cmdlets.Tests.Support;
using Xunit;

namespace AqueraProvisioning.Cmdlets.Tests;

/// <summary>A cmdlet that gets an unusable answer writes an AqueraInvalidResponse error record, not an unexpected error.</summary>
public sealed class InvalidResponseTests
{
    [Fact]
    public void An_HTML_page_instead_of_PingOne_is_an_AqueraInvalidResponse_record_that_names_the_page_by_its_title()
    {
        using var gateway = new GatewayPage();
        using Runspace runspace = CmdletHost.OpenRunspace();
        using (PowerShell connect = CmdletHost.On(runspace))
        {
            connect.AddCommand("Connect-AqueraPingOne")
                .AddParameter("EnvironmentId", Guid.NewGuid().ToString())
                .AddParameter("ClientId", Guid.NewGuid().ToString())
                .AddParameter("ClientSecret", CmdletHost.Secure("worker-secret-Jk4Mn8"))
                .AddParameter("ApiUrl", gateway.Url)
                .AddParameter("AuthUrl", gateway.Url);
            Invocation.Run(connect).AssertSucceeded();
        }

        using PowerShell ps = CmdletHost.On(runspace);
        ps.AddCommand("Get-AqueraConnection").AddParameter("Id", Guid.NewGuid().ToString());
        Invocation result = Invocation.Run(ps);

        Assert.Null(result.Terminating);
        ErrorRecord error = result.SingleError;
        Assert.Equal("AqueraInvalidResponse,AqueraProvisioning.Commands.GetAqueraConnectionCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        Assert.Contains("an HTML page titled '" + GatewayPage.Title + "'", error.ErrorDetails.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 200 text/html", error.ErrorDetails.Message, StringComparison.Ordinal);
        Assert.Contains("transaction aquera-ps-", error.ErrorDetails.Message, StringComparison.Ordinal);
        Assert.Contains("proxy", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        Assert.DoesNotContain(GatewayPage.PageSecret, error.ErrorDetails.Message + error.Exception, StringComparison.Ordinal);
    }
}

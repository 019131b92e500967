using System;
using System.Linq;
using System.Threading.Tasks;
using AqueraProvisioning.Core.Tests.Support;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Integration.Rules;

/// <summary>A create answered 503 after it was committed is found by looking, never made twice.</summary>
public class UnknownOutcomeTests : SandboxTestBase, IClassFixture<SandboxFixture>
{
    public UnknownOutcomeTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    [Fact]
    public async Task A_directory_store_committed_but_answered_503_is_found_and_used_and_not_created_again()
    {
        using var session = Sandbox.NewSession();
        AqueraConnection connection = await RuleSetup.ConnectionAsync(session, Sandbox);
        await Control.SetAsync(new { commitThenFailCreates = 1 });
        var log = new RecordingLog();

        AqueraProvisioningRule rule = await RuleSetup.CreateAsync(session, RuleSetup.Draft("After a 503", connection), new OperationContext(log));

        var directory = Assert.Single(State.Stores.Snapshot(), s => s.Content.Type == "directory");
        Assert.Equal(directory.Id.ToString(), rule.SourceStoreId);
        Assert.Equal(503, ApiRequests().Single(r => r.Method == "POST" && r.Path.EndsWith("/propagation/stores", StringComparison.Ordinal) && r.Status >= 500).Status);
        Assert.Contains(log.VerboseLines, l => l.Contains("went through after all", StringComparison.Ordinal));
    }
}

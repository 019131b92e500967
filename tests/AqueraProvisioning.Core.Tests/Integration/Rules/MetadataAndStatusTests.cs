using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AqueraProvisioning.Core.Tests.Support;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Integration.Rules;

public class MetadataAndStatusTests : SandboxTestBase, IClassFixture<SandboxFixture>
{
    private readonly OperationContext _context = OperationContext.Silent();

    public MetadataAndStatusTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    [Theory]
    [InlineData("any", "list", 0)]
    [InlineData("wrapped", "map", 0)]
    [InlineData("flat", "list", 1)]
    [InlineData("flat", "map", 1)]
    public async Task The_connection_s_attributes_are_read_with_its_configuration_in_whichever_body_and_answer_shape_the_tenant_uses(string body, string shape, int refusals)
    {
        await Control.SetAsync(new { storeMetadataBody = body, storeMetadataShape = shape });
        using var session = Sandbox.NewSession();
        AqueraConnection connection = await RuleSetup.ConnectionAsync(session, Sandbox);
        var log = new RecordingLog();

        var first = await session.AttributeMetadata.GetAqueraAttributesAsync(connection.Id, new OperationContext(log), CancellationToken.None);
        var second = await session.AttributeMetadata.GetAqueraAttributesAsync(connection.Id, new OperationContext(log), CancellationToken.None);

        AqueraAttributeMetadata userName = Assert.Single(first, a => a.Name == "userName");
        Assert.True(userName.Required);
        Assert.Equal("string", userName.Type);
        Assert.Equal("HR", userName.ConnectionName);
        Assert.Contains(first, a => a.Name == "emails[type eq \"work\"].value" && !a.Required);
        Assert.Equal(first.Select(a => a.Name), second.Select(a => a.Name));
        Assert.Equal(refusals, ApiRequests().Count(r => r.Path.EndsWith("/storeMetadata/Aquera", StringComparison.Ordinal) && r.Status == 400));
        Assert.Empty(log.WarningLines);
    }

    [Fact]
    public async Task When_Aquera_cannot_be_asked_the_static_attributes_come_with_a_warning()
    {
        using var session = Sandbox.NewSession();
        AqueraConnection connection = await RuleSetup.ConnectionAsync(session, Sandbox, token: "a-token-the-scim-service-refuses");
        var log = new RecordingLog();

        var attributes = await session.AttributeMetadata.GetAqueraAttributesAsync(connection.Id, new OperationContext(log), CancellationToken.None);

        Assert.Contains(attributes, a => a.Name == "userName");
        Assert.Contains("401", Assert.Single(log.WarningLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_stored_secret_only_the_static_attributes_are_read()
    {
        using var session = Sandbox.NewSession();
        AqueraConnection connection = await RuleSetup.ConnectionAsync(session, Sandbox);
        await Control.SetAsync(new { secrets = "omit" });

        var attributes = await session.AttributeMetadata.GetAqueraAttributesAsync(connection.Id, _context, CancellationToken.None);

        Assert.Contains(attributes, a => a.Name == "userName");
        Assert.Single(ApiRequests(), r => r.Path.EndsWith("/storeMetadata/Aquera", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("upper")]
    [InlineData("title")]
    public async Task A_provisioned_user_s_status_reads_the_same_in_either_case_and_a_user_out_of_scope_is_explained(string statusCase)
    {
        await Control.SetAsync(new { syncedRuleStatusCase = statusCase });
        using var session = Sandbox.NewSession();
        AqueraConnection connection = await RuleSetup.ConnectionAsync(session, Sandbox);
        await RuleSetup.CreateAsync(session, RuleSetup.Draft("Default users", connection, enabled: true));
        await RuleSetup.SyncAsync(session, State);
        ProvisioningCatalog catalog = session.Rules.NewCatalog();

        var alice = Assert.Single(await session.ProvisioningStatus.GetUserStatusAsync(catalog, "ALICE.anders", null, _context, CancellationToken.None));
        var erin = Assert.Single(await session.ProvisioningStatus.GetUserStatusAsync(catalog, "7a1d0c52-0000-4000-8000-000000000105", null, _context, CancellationToken.None));

        Assert.Equal("Success", alice.Status);
        Assert.Equal("alice.anders", alice.User);
        Assert.Equal("Default users", alice.Rule);
        Assert.Equal("HR", alice.Connection);
        Assert.NotNull(alice.LastSyncAt);
        Assert.Empty(alice.Details);
        Assert.Null(alice.Explanation);
        Assert.Equal(AqueraUserProvisioningStatus.NotSynced, erin.Status);
        Assert.Equal("erin.evans", erin.User);
        Assert.Contains("population 'Contractors'", erin.Explanation, StringComparison.Ordinal);
        Assert.Contains("(Default)", erin.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_the_connection_may_not_create_is_Unsynced_with_PingOne_s_reason()
    {
        using var session = Sandbox.NewSession();
        AqueraConnectionDraft draft = Sandbox.BearerDraft("No creates");
        draft.AllowCreate = false;
        draft.Enabled = true;
        AqueraConnection connection = (await session.Connections.CreateAsync(draft, true, false, _context, CancellationToken.None)).Connection;
        await RuleSetup.CreateAsync(session, RuleSetup.Draft("Default users", connection, enabled: true));
        await RuleSetup.SyncAsync(session, State);

        var status = Assert.Single(await session.ProvisioningStatus.GetUserStatusAsync(session.Rules.NewCatalog(), "bob.baker", null, _context, CancellationToken.None));

        Assert.Equal("Unsynced", status.Status);
        Assert.Contains("does not allow users to be created", status.Explanation, StringComparison.Ordinal);
        Assert.Contains(status.Details, d => d.StartsWith("CREATE_NOT_ALLOWED", StringComparison.Ordinal));
        Assert.Empty(RuleSetup.ScimUserNames(State));
    }

    [Fact]
    public async Task An_unknown_user_is_AqueraUserNotFound()
    {
        using var session = Sandbox.NewSession();

        var ex = await Assert.ThrowsAsync<AqueraOperationException>(() => session.ProvisioningStatus.GetUserStatusAsync(session.Rules.NewCatalog(), "nobody.here", null, _context, CancellationToken.None));

        Assert.Equal(ErrorIds.UserNotFound, ex.ErrorId);
        Assert.Contains("nobody.here", ex.Message, StringComparison.Ordinal);
    }
}

using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using AqueraProvisioning.Core.Tests.Support;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Integration;

public class ConnectionCrudTests : SandboxTestBase, IClassFixture<SandboxFixture>
{
    private readonly OperationContext _context = OperationContext.Silent();

    public ConnectionCrudTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    [Fact]
    public async Task Create_posts_the_connection_and_returns_it_as_saved()
    {
        using var session = Sandbox.NewSession();
        AqueraConnectionDraft draft = Sandbox.BearerDraft("crud-create");
        draft.DeprovisionOnRuleDeletion = true;
        draft.GroupNameSource = AqueraGroupNameSource.CommonName;

        AqueraCreateResult result = await session.Connections.CreateAsync(draft, skipTest: true, force: false, _context, CancellationToken.None);

        AqueraConnection c = result.Connection;
        Assert.True(Guid.TryParse(c.Id, out _));
        Assert.Equal("crud-create", c.Name);
        Assert.Equal("created by crud-create", c.Description);
        Assert.Equal(new Uri(Info.ScimUrl), c.ScimUrl);
        Assert.Equal(AqueraAuthenticationMethod.BearerToken, c.AuthenticationMethod);
        Assert.False(c.Enabled);
        Assert.True(c.AllowCreate);
        Assert.False(c.AllowUpdate);
        Assert.True(c.AllowDisable);
        Assert.Equal(AqueraRemoveAction.Disable, c.RemoveAction);
        Assert.True(c.DeprovisionOnRuleDeletion);
        Assert.Equal(AqueraGroupNameSource.CommonName, c.GroupNameSource);
        Assert.NotNull(c.CreatedAt);
        Assert.Null(result.Test);

        var post = Assert.Single(ApiRequests());
        Assert.Equal("POST", post.Method);
        Assert.Equal(201, post.Status);
        Assert.StartsWith("application/json", post.ContentType, StringComparison.Ordinal);

        JsonObject raw = await Control.RawGetAsync(c.Id);
        Assert.Equal(Info.ScimBearerToken, (string?)raw["configuration"]!["ACCESS_TOKEN"]);
        Assert.Equal("INACTIVE", (string?)raw["status"]);
    }

    [Fact]
    public async Task Create_enabled_with_basic_auth_stores_user_and_password()
    {
        using var session = Sandbox.NewSession();
        AqueraConnectionDraft draft = Sandbox.BasicDraft("crud-basic");
        draft.Enabled = true;

        AqueraCreateResult result = await session.Connections.CreateAsync(draft, skipTest: false, force: false, _context, CancellationToken.None);

        Assert.True(result.Connection.Enabled);
        Assert.Equal(AqueraAuthenticationMethod.BasicAuth, result.Connection.AuthenticationMethod);
        Assert.True(result.Test!.Success);
        Assert.False(result.SavedDisabledAfterFailedTest);
        JsonObject config = (await Control.RawGetAsync(result.Connection.Id))["configuration"]!.AsObject();
        Assert.Equal(Info.ScimUser, (string?)config["BASIC_AUTH_USER"]);
        Assert.Equal(Info.ScimPassword, (string?)config["BASIC_AUTH_PASSWORD"]);
        Assert.False(config.ContainsKey("ACCESS_TOKEN"));
    }

    [Fact]
    public async Task Get_returns_the_connection_by_id()
    {
        using var session = Sandbox.NewSession();
        var created = (await session.Connections.CreateAsync(Sandbox.BearerDraft("crud-get"), true, false, _context, CancellationToken.None)).Connection;

        AqueraConnection got = await session.Connections.GetAsync(created.Id.ToUpperInvariant(), _context, CancellationToken.None);

        Assert.Equal(created.Id, got.Id);
        Assert.Equal("crud-get", got.Name);
        Assert.Equal(created.CreatedAt, got.CreatedAt);
        Assert.Equal("/v1/environments/" + Info.EnvironmentId + "/propagation/stores/" + created.Id, ApiRequests()[^1].Path);
    }

    [Fact]
    public async Task Get_of_a_store_that_is_not_aquera_is_refused_clearly()
    {
        string id = await Control.RawInsertAsync(new JsonObject { ["name"] = "ldap", ["type"] = "LdapGateway", ["configuration"] = new JsonObject() });
        using var session = Sandbox.NewSession();

        var ex = await Assert.ThrowsAsync<AqueraOperationException>(() => session.Connections.GetAsync(id, _context, CancellationToken.None));

        Assert.Equal(ErrorIds.NotAnAqueraConnection, ex.ErrorId);
        Assert.Contains("LdapGateway", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_id_is_refused_before_any_request()
    {
        using var session = Sandbox.NewSession();

        var ex = await Assert.ThrowsAsync<AqueraValidationException>(() => session.Connections.GetAsync("../stores", _context, CancellationToken.None));
        await Assert.ThrowsAsync<AqueraValidationException>(() => session.Connections.DeleteAsync("x", _context, CancellationToken.None));
        await Assert.ThrowsAsync<AqueraValidationException>(() => session.Connections.UpdateAsync("", new AqueraConnectionChanges { AllowCreate = true }, new AqueraUpdateOptions(), _context, CancellationToken.None));

        Assert.Equal(ErrorIds.InvalidId, ex.ErrorId);
        Assert.Empty(Requests());
    }

    [Fact]
    public async Task Delete_answers_204_and_the_connection_is_gone()
    {
        using var session = Sandbox.NewSession();
        var created = (await session.Connections.CreateAsync(Sandbox.BearerDraft("crud-delete"), true, false, _context, CancellationToken.None)).Connection;

        await session.Connections.DeleteAsync(created.Id, _context, CancellationToken.None);

        var delete = ApiRequests()[^1];
        Assert.Equal("DELETE", delete.Method);
        Assert.Equal(204, delete.Status);
        Assert.Equal(0, StoresNamed("crud-delete"));
        var ex = await Assert.ThrowsAsync<PingOneApiException>(() => session.Connections.GetAsync(created.Id, _context, CancellationToken.None));
        Assert.Equal(ErrorIds.ConnectionNotFound, ex.ErrorId);
    }

    [Fact]
    public async Task Update_replaces_the_whole_store_changing_only_the_named_fields()
    {
        await Control.SetAsync(new { extraConfigurationKeys = new[] { "FUTURE_KEY", "FUTURE_OBJECT" } });
        string id = await Control.RawInsertAsync(new JsonObject
        {
            ["name"] = "crud-update",
            ["description"] = "before",
            ["type"] = "Aquera",
            ["status"] = "INACTIVE",
            ["managed"] = true,
            ["configuration"] = new JsonObject
            {
                ["SCIM_URL"] = Info.ScimUrl,
                ["AUTHENTICATION_METHOD"] = "OAuth Bearer Token",
                ["ACCESS_TOKEN"] = "stored-token-that-must-survive",
                ["CREATE_USERS"] = true,
                ["UPDATE_USERS"] = false,
                ["DISABLE_USERS"] = false,
                ["REMOVE_ACTION"] = "Disable",
                ["FUTURE_KEY"] = "from a later PingOne",
                ["FUTURE_OBJECT"] = new JsonObject { ["nested"] = new JsonArray(1, 2) },
            },
        });
        JsonObject before = await Control.RawGetAsync(id);
        using var session = Sandbox.NewSession();

        AqueraUpdateResult result = await session.Connections.UpdateAsync(
            id,
            new AqueraConnectionChanges { AllowUpdate = true, RemoveAction = AqueraRemoveAction.Delete },
            new AqueraUpdateOptions(),
            _context,
            CancellationToken.None);

        Assert.True(result.Changed);
        Assert.True(result.Connection.AllowUpdate);
        Assert.Equal(AqueraRemoveAction.Delete, result.Connection.RemoveAction);
        JsonObject after = await Control.RawGetAsync(id);
        JsonObject beforeConfig = before["configuration"]!.AsObject();
        JsonObject afterConfig = after["configuration"]!.AsObject();
        var changed = afterConfig.Where(p => !JsonNode.DeepEquals(p.Value, beforeConfig[p.Key])).Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal);
        Assert.Equal(new[] { "REMOVE_ACTION", "UPDATE_USERS" }, changed);
        Assert.Equal(beforeConfig.Count, afterConfig.Count);
        Assert.Equal("stored-token-that-must-survive", (string?)afterConfig["ACCESS_TOKEN"]);
        Assert.True(JsonNode.DeepEquals(beforeConfig["FUTURE_OBJECT"], afterConfig["FUTURE_OBJECT"]));
        foreach (string member in new[] { "name", "description", "type", "status", "managed", "createdAt" })
        {
            Assert.True(JsonNode.DeepEquals(before[member], after[member]), member + " changed");
        }

        var put = ApiRequests().Single(r => r.Method == "PUT");
        Assert.Equal(200, put.Status);
    }

    [Fact]
    public async Task Update_that_changes_nothing_sends_nothing()
    {
        using var session = Sandbox.NewSession();
        var created = (await session.Connections.CreateAsync(Sandbox.BearerDraft("crud-noop"), true, false, _context, CancellationToken.None)).Connection;

        AqueraUpdateResult result = await session.Connections.UpdateAsync(
            created.Id,
            new AqueraConnectionChanges { AllowCreate = true, State = AqueraConnectionState.Disabled },
            new AqueraUpdateOptions(),
            _context,
            CancellationToken.None);

        Assert.False(result.Changed);
        Assert.DoesNotContain(ApiRequests(), r => r.Method == "PUT");
    }

    [Fact]
    public async Task Enabling_tests_first_and_refuses_a_connection_whose_test_fails()
    {
        using var session = Sandbox.NewSession();
        var created = (await session.Connections.CreateAsync(Sandbox.BearerDraft("crud-enable", token: "not-the-right-token"), skipTest: true, force: false, _context, CancellationToken.None)).Connection;

        var ex = await Assert.ThrowsAsync<AqueraOperationException>(() => session.Connections.UpdateAsync(
            created.Id, new AqueraConnectionChanges { State = AqueraConnectionState.Enabled }, new AqueraUpdateOptions(), _context, CancellationToken.None));

        Assert.Equal(ErrorIds.EnableRefused, ex.ErrorId);
        Assert.False(ex.TestResult!.Success);
        Assert.DoesNotContain(ApiRequests(), r => r.Method == "PUT");
        Assert.Equal("INACTIVE", (string?)(await Control.RawGetAsync(created.Id))["status"]);

        // A credential that works lets the same change through, after a passing test.
        AqueraUpdateResult fixedUp = await session.Connections.UpdateAsync(
            created.Id,
            new AqueraConnectionChanges { State = AqueraConnectionState.Enabled, Credential = AqueraCredential.Bearer(Secure.From(Info.ScimBearerToken)) },
            new AqueraUpdateOptions(),
            _context,
            CancellationToken.None);
        Assert.True(fixedUp.Connection.Enabled);
        Assert.True(fixedUp.Test!.Success);
    }

    [Fact]
    public async Task A_revision_is_created_and_returned()
    {
        using var session = Sandbox.NewSession();

        PropagationRevision first = await session.CreateRevisionAsync(_context, CancellationToken.None);
        PropagationRevision second = await session.CreateRevisionAsync(_context, CancellationToken.None);

        Assert.True(Guid.TryParse(first.Id, out _));
        Assert.NotEqual(first.Id, second.Id);
        Assert.NotNull(first.CreatedAt);
        Assert.Equal(2, State.Revisions.Count);
        Assert.All(ApiRequests(), r => Assert.Equal((201, "/v1/environments/" + Info.EnvironmentId + "/propagation/revisions"), (r.Status, r.Path)));
    }

    [Fact]
    public async Task A_revision_starts_a_sync_that_shows_on_the_connection()
    {
        using var session = Sandbox.NewSession();
        AqueraConnectionDraft draft = Sandbox.BearerDraft("crud-sync");
        draft.Enabled = true;
        var created = (await session.Connections.CreateAsync(draft, true, false, _context, CancellationToken.None)).Connection;
        Assert.Null(created.SyncState);

        await session.CreateRevisionAsync(_context, CancellationToken.None);

        AqueraConnection after = await session.Connections.GetAsync(created.Id, _context, CancellationToken.None);
        Assert.Equal("SYNCING", after.SyncState);
        Assert.NotNull(after.LastSyncAt);
    }
}

using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using AqueraProvisioning.Core.Tests.Support;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Integration;

/// <summary>
/// The spec's status enum lists only INACTIVE (API Q2); the sandbox's <c>refuseActiveOnCreate</c> refuses ACTIVE on
/// a create. A connection asked for enabled is then created disabled and enabled by a replace, still tested first,
/// never created twice, and the session creates so from then on.
/// </summary>
public class ActiveOnCreateTests : SandboxTestBase, IClassFixture<SandboxFixture>
{
    private readonly RecordingLog _log = new();

    public ActiveOnCreateTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    private OperationContext Context => new(_log);

    private AqueraConnectionDraft Enabled(string name, string? token = null)
    {
        AqueraConnectionDraft draft = Sandbox.BearerDraft(name, token);
        draft.Enabled = true;
        return draft;
    }

    private string[] Writes() =>
        ApiRequests().Where(r => r.IsStateChanging).Select(r => r.Method + " " + (r.Path.EndsWith("/connection/status", StringComparison.Ordinal) ? "check" : r.Path.EndsWith("/propagation/stores", StringComparison.Ordinal) ? "stores" : "store") + " " + r.Status).ToArray();

    [Fact]
    public async Task Without_the_knob_an_enabled_connection_is_created_active_in_one_create()
    {
        using var session = Sandbox.NewSession();

        AqueraCreateResult result = await session.Connections.CreateAsync(Enabled("active-1"), skipTest: false, force: false, Context, CancellationToken.None);

        Assert.True(result.Connection.Enabled);
        Assert.Equal(new[] { "POST check 200", "POST stores 201" }, Writes());
        Assert.Equal("ACTIVE", State.Stores.Snapshot().Single().Content.Status);
    }

    [Fact]
    public async Task With_the_knob_it_is_tested_created_inactive_then_enabled_and_the_session_remembers()
    {
        await Control.SetAsync(new { refuseActiveOnCreate = true });
        using var session = Sandbox.NewSession();

        AqueraCreateResult first = await session.Connections.CreateAsync(Enabled("active-2"), skipTest: false, force: false, Context, CancellationToken.None);
        AqueraCreateResult second = await session.Connections.CreateAsync(Enabled("active-3"), skipTest: false, force: false, Context, CancellationToken.None);

        Assert.True(first.Connection.Enabled);
        Assert.True(second.Connection.Enabled);
        Assert.Equal(
            new[] { "POST check 200", "POST stores 400", "POST stores 201", "PUT store 200", "POST check 200", "POST stores 201", "PUT store 200" },
            Writes());
        Assert.All(State.Stores.Snapshot(), s => Assert.Equal("ACTIVE", s.Content.Status));
        Assert.Equal(1, StoresNamed("active-2"));
        Assert.Equal(Info.ScimBearerToken, (string?)(await Control.RawGetAsync(first.Connection.Id))["configuration"]!["ACCESS_TOKEN"]);
        Assert.Single(_log.VerboseLines, l => l == ActiveOnCreate.Explanation);
    }

    [Fact]
    public async Task With_the_knob_a_disabled_connection_or_a_forced_failing_one_is_one_inactive_create()
    {
        await Control.SetAsync(new { refuseActiveOnCreate = true });
        using var session = Sandbox.NewSession();

        await session.Connections.CreateAsync(Sandbox.BearerDraft("inactive-1"), skipTest: false, force: false, Context, CancellationToken.None);
        AqueraCreateResult forced = await session.Connections.CreateAsync(Enabled("inactive-2", token: "refused-token"), skipTest: false, force: true, Context, CancellationToken.None);

        Assert.False(forced.Connection.Enabled);
        Assert.Equal(new[] { "POST check 200", "POST stores 201", "POST check 400", "POST stores 201" }, Writes());
        Assert.Empty(session.Choices.Adopted);
    }

    [Fact]
    public async Task With_the_knob_and_write_only_secrets_the_enable_is_built_from_the_draft()
    {
        await Control.SetAsync(new { refuseActiveOnCreate = true, secrets = "omit" });
        using var session = Sandbox.NewSession();

        AqueraCreateResult result = await session.Connections.CreateAsync(Enabled("active-omit"), skipTest: true, force: false, Context, CancellationToken.None);

        Assert.True(result.Connection.Enabled);
        Assert.Equal("ACTIVE", State.Stores.Snapshot().Single().Content.Status);
    }

    [Fact]
    public async Task With_the_knob_an_inactive_create_committed_then_answered_503_is_found_and_enabled_once()
    {
        await Control.SetAsync(new { refuseActiveOnCreate = true, commitThenFailCreates = 1 });
        using var session = Sandbox.NewSession();

        AqueraCreateResult result = await session.Connections.CreateAsync(Enabled("active-lost"), skipTest: true, force: false, Context, CancellationToken.None);

        Assert.True(result.Connection.Enabled);
        Assert.Equal(1, StoresNamed("active-lost"));
        Assert.Equal("ACTIVE", State.Stores.Snapshot().Single().Content.Status);
    }

    [Fact]
    public async Task An_enable_that_fails_after_the_create_says_the_connection_exists_disabled()
    {
        var handler = new ScriptedHandler()
            .Then(HttpStatusCode.BadRequest, """{"code":"INVALID_DATA","details":[{"code":"INVALID_VALUE","target":"status","message":"status must be one of: INACTIVE."}]}""")
            .Then(HttpStatusCode.Created, """{"id":"0b7e3b8e-2a7c-4c53-9d0e-6a1b2c3d4e5f","name":"scripted","type":"Aquera","status":"INACTIVE"}""")
            .Then(HttpStatusCode.Forbidden, """{"code":"ACCESS_FAILED","message":"The actor lacks a role."}""");
        var connections = new AqueraConnections(new PropagationStores(ScriptedApi.Create(handler, retry: new RetryOptions { MaxAttempts = 1 })));
        var draft = new AqueraConnectionDraft("scripted", "https://aquera.example.test/scim/t/a", AqueraCredential.Bearer(Secure.From("token-Qw3-Er5"))) { Enabled = true };

        var ex = await Assert.ThrowsAsync<AqueraOperationException>(() => connections.CreateAsync(draft, skipTest: true, force: false, Context, CancellationToken.None));

        Assert.Equal(ErrorIds.PermissionDenied, ex.ErrorId);
        Assert.Equal("scripted", ex.Name);
        Assert.StartsWith("'scripted' was created disabled (id 0b7e3b8e-2a7c-4c53-9d0e-6a1b2c3d4e5f), because PingOne does not take status ACTIVE on create, but enabling it failed: ", ex.Message, StringComparison.Ordinal);
        Assert.Equal(403, ex.ApiException!.StatusCode);
        Assert.Equal(new[] { "POST", "POST", "PUT" }, handler.Seen.Select(s => s.Method.Method));
    }

    [Fact]
    public async Task Any_other_refusal_of_the_create_is_an_error_and_not_sent_again()
    {
        var handler = new ScriptedHandler()
            .Then(HttpStatusCode.BadRequest, """{"code":"INVALID_DATA","details":[{"code":"INVALID_VALUE","target":"status"},{"code":"INVALID_VALUE","target":"name"}]}""");
        var connections = new AqueraConnections(new PropagationStores(ScriptedApi.Create(handler, retry: new RetryOptions { MaxAttempts = 1 })));
        var draft = new AqueraConnectionDraft("scripted", "https://aquera.example.test/scim/t/a", AqueraCredential.Bearer(Secure.From("token-Qw3-Er5"))) { Enabled = true };

        var ex = await Assert.ThrowsAsync<PingOneApiException>(() => connections.CreateAsync(draft, skipTest: true, force: false, Context, CancellationToken.None));

        Assert.Equal(ErrorIds.InvalidRequest, ex.ErrorId);
        Assert.Single(handler.Seen);
    }
}

using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using AqueraProvisioning.Core.Tests.Support;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Integration;

/// <summary>A PingOne that does not return stored secrets (the sandbox's <c>secrets=omit</c>).</summary>
public class WriteOnlySecretTests : SandboxTestBase, IClassFixture<SandboxFixture>
{
    private readonly OperationContext _context = OperationContext.Silent();

    public WriteOnlySecretTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    private async Task<(PingOneSession Session, string Id)> CreateWithOmittedSecretsAsync(string name, AqueraConnectionDraft? draft = null)
    {
        PingOneSession session = Sandbox.NewSession();
        var created = await session.Connections.CreateAsync(draft ?? Sandbox.BearerDraft(name), skipTest: true, force: false, _context, CancellationToken.None);
        await Control.SetAsync(new { secrets = "omit" });
        return (session, created.Connection.Id);
    }

    [Fact]
    public async Task An_update_without_the_secret_is_refused_as_secret_required_and_the_store_is_unchanged()
    {
        var (session, id) = await CreateWithOmittedSecretsAsync("omit-update");
        using var _ = session;
        JsonObject before = await Control.RawGetAsync(id);

        var ex = await Assert.ThrowsAsync<AqueraOperationException>(() => session.Connections.UpdateAsync(
            id, new AqueraConnectionChanges { AllowUpdate = true }, new AqueraUpdateOptions(), _context, CancellationToken.None));

        Assert.Equal(ErrorIds.SecretRequired, ex.ErrorId);
        // Core states the fact and names the connection; the cmdlet layer adds -BearerToken / -Credential.
        Assert.Equal("PingOne does not return the stored secret of 'omit-update', and it is needed to save the change.", ex.Message);
        Assert.Equal("omit-update", ex.Name);
        Assert.Equal(400, ex.ApiException!.StatusCode);
        JsonObject after = await Control.RawGetAsync(id);
        Assert.True(JsonNode.DeepEquals(before, after));
        Assert.Equal(Info.ScimBearerToken, (string?)after["configuration"]!["ACCESS_TOKEN"]);
    }

    [Fact]
    public async Task An_update_with_the_credential_goes_through_and_stores_it()
    {
        var (session, id) = await CreateWithOmittedSecretsAsync("omit-update-ok");
        using var _ = session;

        AqueraUpdateResult result = await session.Connections.UpdateAsync(
            id,
            new AqueraConnectionChanges { AllowUpdate = true, Credential = AqueraCredential.Bearer(Secure.From(Info.ScimBearerToken)) },
            new AqueraUpdateOptions(),
            _context,
            CancellationToken.None);

        Assert.True(result.Changed);
        Assert.True(result.Connection.AllowUpdate);
        JsonObject config = (await Control.RawGetAsync(id))["configuration"]!.AsObject();
        Assert.True((bool)config["UPDATE_USERS"]!);
        Assert.Equal(Info.ScimBearerToken, (string?)config["ACCESS_TOKEN"]);
    }

    [Fact]
    public async Task Rotating_basic_credentials_works_without_the_old_password()
    {
        var (session, id) = await CreateWithOmittedSecretsAsync("omit-basic", Sandbox.BasicDraft("omit-basic", password: "old-password"));
        using var _ = session;

        await session.Connections.UpdateAsync(
            id,
            new AqueraConnectionChanges { Credential = AqueraCredential.Basic(Info.ScimUser, Secure.From(Info.ScimPassword)) },
            new AqueraUpdateOptions(),
            _context,
            CancellationToken.None);

        Assert.Equal(Info.ScimPassword, (string?)(await Control.RawGetAsync(id))["configuration"]!["BASIC_AUTH_PASSWORD"]);
    }

    [Fact]
    public async Task Testing_or_enabling_a_saved_connection_without_the_secret_is_refused_before_any_check()
    {
        var (session, id) = await CreateWithOmittedSecretsAsync("omit-test");
        using var _ = session;
        State.Requests.Clear();

        var test = await Assert.ThrowsAsync<AqueraOperationException>(() => session.Connections.TestSavedAsync(id, null, _context, CancellationToken.None));
        var enable = await Assert.ThrowsAsync<AqueraOperationException>(() => session.Connections.UpdateAsync(
            id, new AqueraConnectionChanges { State = AqueraConnectionState.Enabled }, new AqueraUpdateOptions(), _context, CancellationToken.None));

        Assert.Equal(ErrorIds.SecretRequired, test.ErrorId);
        Assert.Equal(ErrorIds.SecretRequired, enable.ErrorId);
        Assert.All(ApiRequests(), r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task A_saved_connection_is_tested_with_a_credential_given_again()
    {
        var (session, id) = await CreateWithOmittedSecretsAsync("omit-test-ok");
        using var _ = session;

        AqueraConnectionTestResult result = await session.Connections.TestSavedAsync(id, AqueraCredential.Bearer(Secure.From(Info.ScimBearerToken)), _context, CancellationToken.None);

        Assert.True(result.Success, result.Message);
    }
}

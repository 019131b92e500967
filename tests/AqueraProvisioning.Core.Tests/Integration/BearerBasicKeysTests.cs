using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using AqueraProvisioning.Core.Tests.Support;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Integration;

/// <summary>
/// The spec marks BASIC_AUTH_USER and BASIC_AUTH_PASSWORD required even for a bearer connection (API Q4); the
/// sandbox's <c>bearerRequiresBasicKeys</c> takes it at its word. A bearer body never carries a Basic password; on
/// exactly that refusal it is sent once more with both keys empty, and the session keeps doing so.
/// </summary>
public class BearerBasicKeysTests : SandboxTestBase, IClassFixture<SandboxFixture>
{
    private const string Adopted = "PingOne requires BASIC_AUTH_USER and BASIC_AUTH_PASSWORD with a bearer token too; this session sends them empty with every bearer connection from now on.";

    private readonly RecordingLog _log = new();

    public BearerBasicKeysTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    private OperationContext Context => new(_log);

    private int[] Statuses(string method, string pathSuffix) =>
        ApiRequests().Where(r => r.Method == method && r.Path.EndsWith(pathSuffix, StringComparison.Ordinal)).Select(r => r.Status).ToArray();

    private static JsonObject Configuration(JsonObject raw) => raw["configuration"]!.AsObject();

    /// <summary>A bearer store planted without validation, with extra configuration keys the API would refuse or keep.</summary>
    private Task<string> PlantBearerAsync(string name, params (string Key, string Value)[] extra)
    {
        var configuration = new JsonObject
        {
            ["SCIM_URL"] = Info.ScimUrl,
            ["AUTHENTICATION_METHOD"] = "OAuth Bearer Token",
            ["ACCESS_TOKEN"] = Info.ScimBearerToken,
        };
        foreach ((string key, string value) in extra)
        {
            configuration[key] = value;
        }

        return Control.RawInsertAsync(new JsonObject { ["name"] = name, ["type"] = "Aquera", ["configuration"] = configuration });
    }

    [Fact]
    public async Task Without_the_knob_a_bearer_connection_is_created_tested_and_replaced_without_any_basic_key()
    {
        using var session = Sandbox.NewSession();

        var created = await session.Connections.CreateAsync(Sandbox.BearerDraft("keys-off"), skipTest: false, force: false, Context, CancellationToken.None);
        await session.Connections.UpdateAsync(created.Connection.Id, new AqueraConnectionChanges { AllowUpdate = true }, new AqueraUpdateOptions(), Context, CancellationToken.None);

        Assert.Equal(new[] { 200 }, Statuses("POST", "/connection/status"));
        Assert.Equal(new[] { 201 }, Statuses("POST", "/propagation/stores"));
        Assert.Equal(new[] { 200 }, Statuses("PUT", "/" + created.Connection.Id));
        JsonObject config = Configuration(await Control.RawGetAsync(created.Connection.Id));
        Assert.False(config.ContainsKey("BASIC_AUTH_USER"));
        Assert.False(config.ContainsKey("BASIC_AUTH_PASSWORD"));
        Assert.DoesNotContain(_log.VerboseLines, l => l.StartsWith("PingOne requires BASIC_AUTH_USER", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_the_knob_the_first_write_is_sent_once_more_with_empty_keys_and_the_session_remembers()
    {
        await Control.SetAsync(new { bearerRequiresBasicKeys = true });
        using var session = Sandbox.NewSession();

        var first = await session.Connections.CreateAsync(Sandbox.BearerDraft("keys-on-1"), skipTest: true, force: false, Context, CancellationToken.None);
        var second = await session.Connections.CreateAsync(Sandbox.BearerDraft("keys-on-2"), skipTest: true, force: false, Context, CancellationToken.None);
        AqueraConnectionTestResult test = await session.Connections.TestSavedAsync(second.Connection.Id, null, Context, CancellationToken.None);
        await session.Connections.UpdateAsync(first.Connection.Id, new AqueraConnectionChanges { AllowUpdate = true }, new AqueraUpdateOptions(), Context, CancellationToken.None);

        Assert.Equal(new[] { 400, 201, 201 }, Statuses("POST", "/propagation/stores"));
        Assert.Equal(new[] { 200 }, Statuses("POST", "/connection/status"));
        Assert.Equal(new[] { 200 }, Statuses("PUT", "/" + first.Connection.Id));
        Assert.True(test.Success, test.Message);
        foreach (string id in new[] { first.Connection.Id, second.Connection.Id })
        {
            JsonObject config = Configuration(await Control.RawGetAsync(id));
            Assert.Equal(string.Empty, (string?)config["BASIC_AUTH_USER"]);
            Assert.Equal(string.Empty, (string?)config["BASIC_AUTH_PASSWORD"]);
            Assert.Equal(Info.ScimBearerToken, (string?)config["ACCESS_TOKEN"]);
        }

        Assert.Single(_log.VerboseLines, l => l == Adopted);
        Assert.Equal(new[] { BearerBasicKeys.Choice }, session.Choices.Adopted);
    }

    [Fact]
    public async Task With_the_knob_a_connection_check_is_the_request_that_learns_it()
    {
        await Control.SetAsync(new { bearerRequiresBasicKeys = true });
        using var session = Sandbox.NewSession();

        var created = await session.Connections.CreateAsync(Sandbox.BearerDraft("keys-check"), skipTest: false, force: false, Context, CancellationToken.None);

        Assert.True(created.Test!.Success, created.Test.Message);
        Assert.Equal(new[] { 400, 200 }, Statuses("POST", "/connection/status"));
        Assert.Equal(new[] { 201 }, Statuses("POST", "/propagation/stores"));
    }

    [Fact]
    public async Task A_basic_password_left_on_a_bearer_store_is_never_sent_back()
    {
        string id = await PlantBearerAsync("keys-left-over", ("BASIC_AUTH_USER", "old-user"), ("BASIC_AUTH_PASSWORD", "old-password-Rt6-Yh2"));
        using var session = Sandbox.NewSession();

        await session.Connections.UpdateAsync(id, new AqueraConnectionChanges { AllowCreate = true }, new AqueraUpdateOptions(), Context, CancellationToken.None);

        JsonObject config = Configuration(await Control.RawGetAsync(id));
        Assert.False(config.ContainsKey("BASIC_AUTH_PASSWORD"));
        Assert.False(config.ContainsKey("BASIC_AUTH_USER"));
        Assert.True((bool)config["CREATE_USERS"]!);
    }

    [Fact]
    public async Task Any_other_refusal_is_not_sent_again()
    {
        // A key the sandbox does not know makes the same PUT wrong in a second way, so the keys alone would not help.
        string id = await PlantBearerAsync("keys-and-more", ("NOT_A_KEY", "x"));
        await Control.SetAsync(new { bearerRequiresBasicKeys = true });
        using var session = Sandbox.NewSession();

        var ex = await Assert.ThrowsAsync<PingOneApiException>(() => session.Connections.UpdateAsync(
            id, new AqueraConnectionChanges { AllowCreate = true }, new AqueraUpdateOptions(), Context, CancellationToken.None));

        Assert.Equal(ErrorIds.InvalidRequest, ex.ErrorId);
        Assert.Contains(ex.Details, d => d.Target == "configuration.NOT_A_KEY");
        Assert.Equal(new[] { 400 }, Statuses("PUT", "/" + id));
        Assert.Empty(session.Choices.Adopted);
    }

    [Fact]
    public async Task A_basic_auth_connection_is_left_alone_by_the_knob()
    {
        await Control.SetAsync(new { bearerRequiresBasicKeys = true });
        using var session = Sandbox.NewSession();

        var created = await session.Connections.CreateAsync(Sandbox.BasicDraft("keys-basic"), skipTest: false, force: false, Context, CancellationToken.None);

        Assert.Equal(new[] { 201 }, Statuses("POST", "/propagation/stores"));
        Assert.Equal(Info.ScimPassword, (string?)Configuration(await Control.RawGetAsync(created.Connection.Id))["BASIC_AUTH_PASSWORD"]);
        Assert.Empty(session.Choices.Adopted);
    }

    [Fact]
    public async Task Parallel_checks_in_one_session_all_pass_and_say_it_once()
    {
        await Control.SetAsync(new { bearerRequiresBasicKeys = true });
        using var session = Sandbox.NewSession();

        AqueraConnectionTestResult[] results = await Task.WhenAll(Enumerable.Range(1, 8).Select(i =>
            session.Connections.TestAsync(Sandbox.BearerDraft("keys-parallel-" + i), Context, CancellationToken.None)));

        Assert.All(results, r => Assert.True(r.Success, r.Message));
        Assert.Equal(8, Statuses("POST", "/connection/status").Count(s => s == 200));
        Assert.Single(_log.VerboseLines, l => l == Adopted);
    }

    [Fact]
    public void Only_exactly_that_answer_counts()
    {
        static PingOneApiException Refusal(int status, string code, params (string Code, string Target)[] details) =>
            new(status, "POST", new Uri("https://api.pingone.eu/v1/environments/e/propagation/stores"), code, "m",
                details.Select(d => new PingOneErrorDetail { Code = d.Code, Target = d.Target }).ToList(), null, null);

        Assert.True(BearerBasicKeys.AsksForBasicKeys(Refusal(400, "INVALID_DATA", ("REQUIRED_VALUE", "configuration.BASIC_AUTH_USER"), ("REQUIRED_VALUE", "configuration.BASIC_AUTH_PASSWORD"))));
        Assert.True(BearerBasicKeys.AsksForBasicKeys(Refusal(400, "INVALID_DATA", ("REQUIRED_VALUE", "configuration.BASIC_AUTH_PASSWORD"))));
        Assert.False(BearerBasicKeys.AsksForBasicKeys(Refusal(400, "INVALID_DATA")));
        Assert.False(BearerBasicKeys.AsksForBasicKeys(Refusal(409, "INVALID_DATA", ("REQUIRED_VALUE", "configuration.BASIC_AUTH_USER"))));
        Assert.False(BearerBasicKeys.AsksForBasicKeys(Refusal(400, "CONFLICT", ("REQUIRED_VALUE", "configuration.BASIC_AUTH_USER"))));
        Assert.False(BearerBasicKeys.AsksForBasicKeys(Refusal(400, "INVALID_DATA", ("INVALID_VALUE", "configuration.BASIC_AUTH_USER"))));
        Assert.False(BearerBasicKeys.AsksForBasicKeys(Refusal(400, "INVALID_DATA", ("REQUIRED_VALUE", "configuration.BASIC_AUTH_USER"), ("REQUIRED_VALUE", "configuration.ACCESS_TOKEN"))));
    }
}

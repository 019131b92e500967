using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using AqueraProvisioning.Core.Tests.Support;
using AqueraProvisioning.Core.Tests.Unit.Configuration;
using AqueraProvisioning.Sandbox;
using Xunit;
using static AqueraProvisioning.Core.Tests.Support.Secure;

namespace AqueraProvisioning.Core.Tests.Integration.Configuration;

public class ConfigurationImportTests : SandboxTestBase, IClassFixture<SandboxFixture>
{
    private const string RefusedToken = "a-token-the-scim-service-refuses";

    public ConfigurationImportTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    [Fact]
    public async Task An_empty_environment_gets_each_connection_tested_and_created_then_each_rule_disabled_its_mappings_and_its_enabling_then_one_revision()
    {
        using var session = Sandbox.NewSession();
        AqueraConfiguration document = Document(Connection("HR"), Rule("Default to HR", "HR", "userName", "title"));

        ConfigurationImportResult result = await ImportAsync(session, document, Secrets(("HR", Info.ScimBearerToken)));

        Assert.Null(result.Failure);
        Assert.Equal(
            new[] { "POST stores/connection/status", "POST stores", "POST plans", "POST stores", "POST plans/*/rules", "POST rules/*/mappings", "POST rules/*/mappings", "PUT plans/*", "PUT rules/*", "POST revisions" },
            Writes());
        Assert.Equal(4, result.Applied.Count);
        Assert.Equal(1, State.Revisions.Count);
        AqueraConfiguration after = (await ReadAsync(session)).Document;
        AqueraConfigurationRule rule = Assert.Single(after.Rules);
        Assert.Equal(AqueraConnectionState.Enabled, rule.State);
        Assert.Equal(new[] { "title", "userName" }, rule.Mappings.Select(m => m.Target));
        Assert.Equal(AqueraConnectionState.Enabled, Assert.Single(after.Connections).State);
    }

    [Fact]
    public async Task An_unchanged_reimport_reads_only_the_list_pages_and_one_mapping_list_per_rule_and_writes_nothing()
    {
        using var session = Sandbox.NewSession();
        AqueraConfiguration document = Document(Connection("HR"), Connection("Payroll"), Rule("Default to HR", "HR", "userName"), Rule("Default to Payroll", "Payroll", "userName"));
        await ImportAsync(session, document, Secrets(("HR", Info.ScimBearerToken), ("Payroll", Info.ScimBearerToken)));
        State.Requests.Clear();
        int revisions = State.Revisions.Count;

        using var second = Sandbox.NewSession();
        ConfigurationImportResult result = await ImportAsync(second, document, new FakeResolver());

        Assert.Empty(result.Applied);
        Assert.Null(result.Revision);
        Assert.Equal(revisions, State.Revisions.Count);
        Assert.DoesNotContain(ApiRequests(), r => r.IsStateChanging);
        Assert.Equal(
            new[] { "GET propagation/stores", "GET propagation/rules", "GET populations", "GET groups", "GET propagation/rules/*/mappings", "GET propagation/rules/*/mappings" },
            ApiRequests().Select(r => r.Method + " " + Shape(r.Path)).OrderBy(s => s.Contains("mappings", StringComparison.Ordinal)).ToArray());
    }

    [Fact]
    public async Task An_import_stops_at_the_first_failed_step_reports_what_was_not_applied_makes_one_revision_and_a_second_run_completes_it()
    {
        using var session = Sandbox.NewSession();
        AqueraConfiguration document = Document(Connection("Alpha"), Connection("Beta"), Rule("Default to Beta", "Beta", "userName"));

        ConfigurationImportResult first = await ImportAsync(session, document, Secrets(("Alpha", Info.ScimBearerToken), ("Beta", RefusedToken)));

        Assert.NotNull(first.Failure);
        Assert.Equal(ErrorIds.ConnectionTestFailed, first.Failure!.ErrorId);
        Assert.Contains("The import stopped at Create Connection 'Beta'", first.Failure.Message, StringComparison.Ordinal);
        Assert.Contains("1 step(s) were applied", first.Failure.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { "Alpha" }, first.Applied.Select(c => c.Name));
        Assert.Equal(new[] { "Beta", "Default to Beta", "Default to Beta / userName" }, first.NotApplied.Select(c => c.Name));
        Assert.Equal(1, StoresNamed("Alpha"));
        Assert.Equal(0, StoresNamed("Beta"));
        Assert.Equal(1, State.Revisions.Count);
        Assert.NotNull(first.Revision);

        using var second = Sandbox.NewSession();
        ConfigurationImportResult rest = await ImportAsync(second, document, Secrets(("Alpha", RefusedToken), ("Beta", Info.ScimBearerToken)));

        Assert.Null(rest.Failure);
        Assert.Equal(new[] { "Beta", "Default to Beta", "Default to Beta / userName" }, rest.Applied.Select(c => c.Name));
        Assert.Equal(2, State.Revisions.Count);
        Assert.Equal(Info.ScimBearerToken, Token("Alpha"));
    }

    [Fact]
    public async Task A_connection_create_committed_but_answered_503_is_found_by_looking_and_made_once()
    {
        using var session = Sandbox.NewSession();
        await Control.SetAsync(new { commitThenFailCreates = 1 });

        ConfigurationImportResult result = await ImportAsync(session, Document(Connection("HR"), Rule("Default to HR", "HR", "userName")), Secrets(("HR", Info.ScimBearerToken)));

        Assert.Null(result.Failure);
        Assert.Equal(3, result.Applied.Count);
        Assert.Single(ApiRequests(), r => r.Method == "POST" && r.Status == 503);
        Assert.Equal(1, StoresNamed("HR"));
        Assert.Single(State.Propagation.AllRules);
    }

    [Fact]
    public async Task Force_enables_a_connection_whose_test_fails_and_its_rule_without_a_second_test()
    {
        using var session = Sandbox.NewSession();
        AqueraConfiguration document = Document(Connection("HR"), Rule("Default to HR", "HR", "userName"));
        var log = new RecordingLog();

        ConfigurationImportResult result = await ImportAsync(session, document, Secrets(("HR", RefusedToken)), new ConfigurationImportOptions { Force = true }, new OperationContext(log));

        Assert.Null(result.Failure);
        Assert.Equal(1, ApiRequests().Count(r => r.Path.EndsWith("/connection/status", StringComparison.Ordinal)));
        Assert.Contains(log.WarningLines, l => l.Contains("'HR' is created enabled although its connection test failed", StringComparison.Ordinal));
        AqueraConfiguration after = (await ReadAsync(session)).Document;
        Assert.Equal(AqueraConnectionState.Enabled, Assert.Single(after.Connections).State);
        Assert.Equal(AqueraConnectionState.Enabled, Assert.Single(after.Rules).State);
    }

    [Fact]
    public async Task A_connection_whose_secret_is_not_supplied_keeps_its_stored_one_and_a_supplied_one_rotates_it()
    {
        using var session = Sandbox.NewSession();
        AqueraConfiguration document = Document(Connection("HR"));
        await ImportAsync(session, document, Secrets(("HR", Info.ScimBearerToken)));
        document.Connections[0].Description = "changed";
        var none = new FakeResolver();

        ConfigurationImportResult kept = await ImportAsync(Sandbox.NewSession(), document, none);

        Assert.Equal(ConfigurationCredentialUse.None, Assert.Single(kept.Applied).CredentialUse);
        Assert.Empty(none.Looked);
        Assert.Equal(Info.ScimBearerToken, Token("HR"));

        FakeResolver rotation = Secrets(("HR", "rotated-token-value"));
        rotation.Supplied.Add("AQUERA_SECRET_HR");
        document.Connections[0].State = AqueraConnectionState.Disabled;
        ConfigurationImportResult rotated = await ImportAsync(Sandbox.NewSession(), document, rotation);

        Assert.Equal(ConfigurationCredentialUse.Supplied, Assert.Single(rotated.Applied).CredentialUse);
        Assert.Equal("rotated-token-value", Token("HR"));
    }

    [Fact]
    public async Task A_supplied_secret_equal_to_the_stored_one_changes_nothing_but_one_that_cannot_be_compared_is_sent()
    {
        using var session = Sandbox.NewSession();
        AqueraConfiguration document = Document(Connection("HR"));
        await ImportAsync(session, document, Secrets(("HR", Info.ScimBearerToken)));
        FakeResolver same = Secrets(("HR", Info.ScimBearerToken));
        same.Supplied.Add("AQUERA_SECRET_HR");
        State.Requests.Clear();

        ConfigurationImportResult again = await ImportAsync(Sandbox.NewSession(), document, same);
        string[] writesWhenEchoed = Writes();
        await Control.SetAsync(new { secrets = "omit" });
        ConfigurationImportResult uncompared = await ImportAsync(Sandbox.NewSession(), document, same);

        Assert.Empty(again.Applied);
        Assert.Empty(writesWhenEchoed);
        Assert.Equal(ConfigurationCredentialUse.Supplied, Assert.Single(uncompared.Applied).CredentialUse);
        Assert.Equal(Info.ScimBearerToken, Token("HR"));
    }

    [Fact]
    public async Task On_a_tenant_that_does_not_return_secrets_an_unchanged_connection_needs_none_and_a_changed_one_sends_its_secret_again()
    {
        using var session = Sandbox.NewSession();
        AqueraConfiguration document = Document(Connection("HR"));
        await ImportAsync(session, document, Secrets(("HR", Info.ScimBearerToken)));
        await Control.SetAsync(new { secrets = "omit" });
        var none = new FakeResolver();

        ConfigurationImportResult unchanged = await ImportAsync(Sandbox.NewSession(), document, none);
        document.Connections[0].AllowDisable = true;
        ConfigurationEnvironment environment = await ReadAsync(Sandbox.NewSession());
        var refused = Assert.Throws<AqueraConfigurationException>(() => ConfigurationImport.Prepare(document, environment, none, new ConfigurationImportOptions()));
        ConfigurationImportResult resent = await ImportAsync(Sandbox.NewSession(), document, Secrets(("HR", Info.ScimBearerToken)));

        Assert.Empty(unchanged.Applied);
        Assert.Contains("HR", environment.SecretNotReturned);
        Assert.Equal(ErrorIds.UnresolvedSecret, refused.ErrorId);
        Assert.Contains("does not return the stored secret", refused.Message, StringComparison.Ordinal);
        Assert.Equal(ConfigurationCredentialUse.Resend, Assert.Single(resent.Applied).CredentialUse);
        Assert.Null(resent.Failure);
        Assert.Equal(Info.ScimBearerToken, Token("HR"));
    }

    [Fact]
    public async Task Nothing_that_changes_state_is_sent_when_a_secret_or_a_population_cannot_be_resolved()
    {
        using var session = Sandbox.NewSession();
        ConfigurationEnvironment environment = await ReadAsync(session);
        AqueraConfiguration document = Document(Connection("HR"), Rule("Default to HR", "HR", "userName"));

        var unresolved = Assert.Throws<AqueraConfigurationException>(() => ConfigurationImport.Prepare(document, environment, new FakeResolver(), new ConfigurationImportOptions()));
        document.Rules[0].Populations.Add("Nobody Here");
        var missing = Assert.Throws<AqueraConfigurationException>(() => ConfigurationImport.Prepare(document, environment, Secrets(("HR", Info.ScimBearerToken)), new ConfigurationImportOptions()));

        Assert.Equal(ErrorIds.UnresolvedSecret, unresolved.ErrorId);
        Assert.Equal(ErrorIds.InvalidConfigurationFile, missing.ErrorId);
        Assert.Equal("Populations", Assert.Single(missing.Problems).Key);
        Assert.DoesNotContain(ApiRequests(), r => r.IsStateChanging);
    }

    [Fact]
    public async Task An_existing_rule_the_document_enables_is_enabled_only_after_its_new_mappings_are_made()
    {
        using var session = Sandbox.NewSession();
        AqueraConfiguration document = Document(Connection("HR"), Rule("Default to HR", "HR", "userName"));
        document.Rules[0].State = AqueraConnectionState.Disabled;
        await ImportAsync(session, document, Secrets(("HR", Info.ScimBearerToken)));
        document.Rules[0].State = AqueraConnectionState.Enabled;
        document.Rules[0].Mappings.Add(new AqueraConfigurationMapping { Target = "title", Source = "title" });
        State.Requests.Clear();

        ConfigurationImportResult result = await ImportAsync(Sandbox.NewSession(), document, new FakeResolver());

        Assert.Null(result.Failure);
        Assert.Equal(new[] { "Rule Default to HR", "Mapping Default to HR / title" }, result.Applied.Select(c => c.Kind + " " + c.Name));
        Assert.Equal(new[] { "POST rules/*/mappings", "PUT plans/*", "PUT rules/*", "POST revisions" }, Writes().Where(w => !w.EndsWith("connection/status", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Declined_steps_are_skipped_and_a_declined_rule_create_takes_its_mappings_with_it()
    {
        using var session = Sandbox.NewSession();
        AqueraConfiguration document = Document(Connection("HR"), Rule("Default to HR", "HR", "userName"));
        ConfigurationEnvironment environment = await ReadAsync(session);
        ConfigurationImport import = ConfigurationImport.Prepare(document, environment, Secrets(("HR", Info.ScimBearerToken)), new ConfigurationImportOptions());

        ConfigurationImportResult result = await ConfigurationImporter.ApplyAsync(session, import, import.Plan.Changes.Where(c => c.Kind == ConfigurationKind.Rule).ToList(), OperationContext.Silent(), CancellationToken.None);

        Assert.Equal(new[] { "HR" }, result.Applied.Select(c => c.Name));
        Assert.Equal(new[] { "Default to HR", "Default to HR / userName" }, result.Declined.Select(c => c.Name));
        Assert.Empty(State.Propagation.AllRules);
    }

    [Fact]
    public async Task Prune_deletes_mappings_then_rules_then_connections_the_document_does_not_name()
    {
        using var session = Sandbox.NewSession();
        await ImportAsync(session, Document(Connection("HR"), Connection("Old"), Rule("Default to HR", "HR", "userName", "title"), Rule("Default to Old", "Old", "userName")), Secrets(("HR", Info.ScimBearerToken), ("Old", Info.ScimBearerToken)));
        State.Requests.Clear();

        ConfigurationImportResult result = await ImportAsync(Sandbox.NewSession(), Document(Connection("HR"), Rule("Default to HR", "HR", "userName")), new FakeResolver(), new ConfigurationImportOptions { Prune = true });

        Assert.Null(result.Failure);
        Assert.Equal(new[] { "Mapping Default to HR / title", "Rule Default to Old", "Connection Old" }, result.Applied.Select(c => c.Kind + " " + c.Name));
        Assert.Equal(new[] { "DELETE propagation/mappings/*", "DELETE propagation/mappings/*", "DELETE propagation/rules/*", "DELETE propagation/stores/*", "POST propagation/revisions" }, ApiRequests().Where(r => r.IsStateChanging).Select(r => r.Method + " " + Shape(r.Path)));
        Assert.Equal(0, StoresNamed("Old"));
    }

    [Fact]
    public async Task The_environment_reads_as_a_document_with_populations_and_groups_by_name_and_no_id_or_secret()
    {
        using var session = Sandbox.NewSession();
        AqueraConfigurationRule rule = Rule("Sales to HR", "HR", "userName");
        rule.Groups.Add("Sales");
        rule.Filter = "title sw \"Account\"";
        await ImportAsync(session, Document(Connection("HR"), rule), Secrets(("HR", Info.ScimBearerToken)));

        ConfigurationEnvironment environment = await ReadAsync(Sandbox.NewSession());
        environment.Document.AssignDefaultSecretReferences();
        string text = ConfigurationWriter.ToJson(environment.Document);

        AqueraConfigurationRule read = Assert.Single(environment.Document.Rules);
        Assert.Equal(new[] { "Default" }, read.Populations);
        Assert.Equal(new[] { "Sales" }, read.Groups);
        Assert.Equal("title sw \"Account\"", read.Filter);
        Assert.Equal("env:AQUERA_SECRET_HR", environment.Document.Connections[0].Secret!.ToString());
        Assert.DoesNotContain(Info.ScimBearerToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain(State.Stores.Snapshot()[0].Id.ToString(), text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(RuleSetup.DefaultPopulationId, text, StringComparison.OrdinalIgnoreCase);
    }

    private static AqueraConfiguration Document(params object[] items)
    {
        AqueraConfiguration document = ConfigurationSamples.Document(items);
        document.AssignDefaultSecretReferences();
        return document;
    }

    private AqueraConfigurationConnection Connection(string name) => new()
    {
        Name = name,
        ScimUrl = Info.ScimUrl,
        AuthenticationMethod = AqueraAuthenticationMethod.BearerToken,
        AllowCreate = true,
        AllowUpdate = true,
        State = AqueraConnectionState.Enabled,
    };

    private static AqueraConfigurationRule Rule(string name, string connection, params string[] targets)
    {
        var rule = new AqueraConfigurationRule { Name = name, Connection = connection, State = AqueraConnectionState.Enabled };
        rule.Populations.Add("Default");
        foreach (string target in targets)
        {
            rule.Mappings.Add(new AqueraConfigurationMapping { Target = target, Source = target == "userName" ? "username" : target });
        }

        return rule;
    }

    private static FakeResolver Secrets(params (string Connection, string Token)[] secrets)
    {
        var resolver = new FakeResolver();
        foreach ((string connection, string token) in secrets)
        {
            resolver["AQUERA_SECRET_" + connection.ToUpperInvariant()] = SecretLookup.Found(From(token));
        }

        return resolver;
    }

    private static Task<ConfigurationEnvironment> ReadAsync(PingOneSession session) =>
        ConfigurationEnvironmentReader.ReadAsync(session, session.Rules.NewCatalog(), OperationContext.Silent(), CancellationToken.None);

    private static async Task<ConfigurationImportResult> ImportAsync(PingOneSession session, AqueraConfiguration document, IConfigurationSecretResolver resolver, ConfigurationImportOptions? options = null, OperationContext? context = null)
    {
        context ??= OperationContext.Silent();
        ConfigurationEnvironment environment = await ConfigurationEnvironmentReader.ReadAsync(session, session.Rules.NewCatalog(), context, CancellationToken.None);
        ConfigurationImport import = ConfigurationImport.Prepare(document, environment, resolver, options ?? new ConfigurationImportOptions());
        return await ConfigurationImporter.ApplyAsync(session, import, null, context, CancellationToken.None);
    }

    /// <summary>The state-changing requests, as "METHOD path" under /propagation/ with ids as *.</summary>
    private string[] Writes() =>
        ApiRequests().Where(r => r.IsStateChanging).Select(r => r.Method + " " + Shape(r.Path).Replace("propagation/", string.Empty, StringComparison.Ordinal)).ToArray();

    private static string Shape(string path)
    {
        string tail = path.Substring(path.IndexOf("/environments/", StringComparison.Ordinal) + "/environments/".Length);
        IEnumerable<string> parts = tail.Split('/').Skip(1).Select(p => Guid.TryParse(p, out _) ? "*" : p);
        return string.Join("/", parts);
    }

    private string? Token(string connection)
    {
        StoreRecord store = State.Stores.Snapshot().Single(s => s.Content.Name == connection);
        JsonObject raw = Control.RawGetAsync(store.Id.ToString()).GetAwaiter().GetResult();
        return raw["configuration"]?["ACCESS_TOKEN"]?.GetValue<string>();
    }
}

using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AqueraProvisioning.Core.Tests.Support;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Integration.Rules;

public class RuleCreateTests : SandboxTestBase, IClassFixture<SandboxFixture>
{
    private readonly OperationContext _context = OperationContext.Silent();

    public RuleCreateTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    [Fact]
    public async Task A_fresh_environment_gets_one_plan_and_one_directory_store_then_the_rule_disabled_then_its_mappings_then_it_is_enabled()
    {
        using var session = Sandbox.NewSession();
        AqueraConnection connection = await RuleSetup.ConnectionAsync(session, Sandbox);
        State.Requests.Clear();

        AqueraProvisioningRule rule = await RuleSetup.CreateAsync(session, RuleSetup.Draft("Default to HR", connection, enabled: true));

        var writes = ApiRequests().Where(r => r.IsStateChanging && !r.Path.EndsWith("/connection/status", StringComparison.Ordinal) && !r.Path.Contains("/storeMetadata/", StringComparison.Ordinal))
            .Select(r => r.Method + " " + r.Path[r.Path.IndexOf("/propagation/", StringComparison.Ordinal)..]).ToList();
        string ruleId = rule.Id;
        Assert.Equal(
            new[] { "POST /propagation/plans", "POST /propagation/stores", "POST /propagation/plans/" + rule.PlanId + "/rules" }
                .Concat(Enumerable.Repeat("POST /propagation/rules/" + ruleId + "/mappings", 4))
                .Concat(new[] { "PUT /propagation/plans/" + rule.PlanId, "PUT /propagation/rules/" + ruleId }),
            writes);
        var created = ApiRequests().First(r => r.Method == "POST" && r.Path.EndsWith("/rules", StringComparison.Ordinal));
        Assert.Equal(201, created.Status);
        Assert.True(rule.Enabled);
        Assert.Equal(4, rule.MappingCount);
        Assert.Equal(new[] { "userName", "name.givenName", "name.familyName", "emails[type eq \"work\"].value" }, rule.Mappings!.Select(m => m.Target));
        Assert.Equal(new[] { "username", "name.given", "name.family", "email" }, rule.Mappings!.Select(m => m.Source));
        Assert.Equal("Default", Assert.Single(rule.Populations).Name);
        Assert.Equal("population.id eq \"" + RuleSetup.DefaultPopulationId + "\"", rule.PopulationExpression);
        Assert.Equal(connection.Name, rule.ConnectionName);
        Assert.Single(State.Propagation.AllPlans);
        Assert.Equal("ACTIVE", State.Propagation.AllPlans[0].Status);
        var directory = Assert.Single(State.Stores.Snapshot(), s => s.Content.Type == "directory");
        Assert.Equal(directory.Id.ToString(), rule.SourceStoreId);
        Assert.Equal("username -> userName", State.Propagation.MappingsOf(Guid.Parse(ruleId))[0].Content.Name);
    }

    [Fact]
    public async Task The_console_s_plan_and_directory_store_are_reused_and_never_duplicated()
    {
        await Control.SeedConsoleAsync();
        using var session = Sandbox.NewSession();
        AqueraConnection connection = await RuleSetup.ConnectionAsync(session, Sandbox);
        var planId = State.Propagation.AllPlans.Single().Id.ToString();

        AqueraProvisioningRule first = await RuleSetup.CreateAsync(session, RuleSetup.Draft("First", connection));
        AqueraProvisioningRule second = await RuleSetup.CreateAsync(session, RuleSetup.Draft("Second", connection, false, "Contractors"));

        Assert.Equal(planId, first.PlanId);
        Assert.Equal(planId, second.PlanId);
        Assert.Single(State.Propagation.AllPlans);
        Assert.Single(State.Stores.Snapshot(), s => s.Content.Type == "directory");
        Assert.Equal(first.SourceStoreId, second.SourceStoreId);
        Assert.DoesNotContain(ApiRequests(), r => r.Method == "POST" && r.Path.EndsWith("/propagation/plans", StringComparison.Ordinal));
        Assert.Equal(1, ApiRequests().Count(r => r.Method == "POST" && r.Path.EndsWith("/propagation/stores", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_directory_store_that_already_feeds_an_Aquera_rule_is_chosen_over_one_named_PingOne_Directory()
    {
        using var session = Sandbox.NewSession();
        AqueraConnection connection = await RuleSetup.ConnectionAsync(session, Sandbox);
        string used = await Control.RawInsertAsync(new System.Text.Json.Nodes.JsonObject { ["name"] = "Directory for HR", ["type"] = "directory", ["status"] = "ACTIVE" });
        await Control.RawInsertAsync(new System.Text.Json.Nodes.JsonObject { ["name"] = "PingOne Directory", ["type"] = "directory", ["status"] = "ACTIVE" });
        AqueraProvisioningRule byName = await RuleSetup.CreateAsync(session, RuleSetup.Draft("By name", connection));
        await new PropagationRules(session.Api).CreateAsync(
            new PropagationRule { Plan = new ResourceReference { Id = byName.PlanId }, SourceStore = new ResourceReference { Id = used }, TargetStore = new ResourceReference { Id = connection.Id }, Name = "Feeds HR" },
            _context,
            CancellationToken.None);

        AqueraProvisioningRule rule = await RuleSetup.CreateAsync(session, RuleSetup.Draft("Next", connection));

        Assert.NotEqual(used, byName.SourceStoreId);
        Assert.Equal("PingOne Directory", State.Stores.Find(Guid.Parse(byName.SourceStoreId!))!.Content.Name);
        Assert.Equal(used, rule.SourceStoreId);
    }

    [Fact]
    public async Task A_mapping_that_fails_leaves_the_rule_disabled_and_the_error_names_the_mapping()
    {
        using var session = Sandbox.NewSession();
        AqueraConnection connection = await RuleSetup.ConnectionAsync(session, Sandbox);
        AqueraRuleDraft draft = RuleSetup.Draft("Broken", connection, enabled: true);
        draft.Mappings.Add(new AqueraMappingDraft("title", "jobTitleThatDoesNotExist", null));

        var ex = await Assert.ThrowsAsync<AqueraOperationException>(() => RuleSetup.CreateAsync(session, draft));

        Assert.Equal(ErrorIds.RuleIncomplete, ex.ErrorId);
        Assert.Contains("jobTitleThatDoesNotExist -> title", ex.Message, StringComparison.Ordinal);
        Assert.Contains("4 of 5", ex.Message, StringComparison.Ordinal);
        var rule = Assert.Single(State.Propagation.AllRules);
        Assert.False(rule.Content.Active);
        Assert.Equal(4, State.Propagation.MappingsOf(rule.Id).Count);
        Assert.DoesNotContain(ApiRequests(), r => r.Method == "PUT" && r.Path.Contains("/propagation/rules/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, "a-token-the-scim-service-refuses")]
    public async Task A_rule_is_not_enabled_while_its_connection_is_disabled_or_fails_its_test_and_nothing_is_created(bool connectionEnabled, string? token)
    {
        using var session = Sandbox.NewSession();
        AqueraConnection connection = await RuleSetup.ConnectionAsync(session, Sandbox, enabled: connectionEnabled, token: token);

        var ex = await Assert.ThrowsAsync<AqueraOperationException>(() => RuleSetup.CreateAsync(session, RuleSetup.Draft("Refused", connection, enabled: true)));

        Assert.Equal(ErrorIds.RuleEnableRefused, ex.ErrorId);
        Assert.Equal("HR", ex.Name);
        Assert.Contains("'HR'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(connectionEnabled ? "connection test" : "is disabled", ex.Message, StringComparison.Ordinal);
        Assert.Empty(State.Propagation.AllRules);
        Assert.Empty(State.Propagation.AllPlans);
    }

    [Fact]
    public async Task Force_enables_a_rule_whose_enabled_connection_fails_its_test()
    {
        using var session = Sandbox.NewSession();
        AqueraConnection connection = await RuleSetup.ConnectionAsync(session, Sandbox, token: "a-token-the-scim-service-refuses");

        AqueraProvisioningRule rule = await RuleSetup.CreateAsync(session, RuleSetup.Draft("Forced", connection, enabled: true), force: true);

        Assert.True(rule.Enabled);
        Assert.DoesNotContain(ApiRequests(), r => r.Path.EndsWith("/connection/status", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Defualt", null, ErrorIds.PopulationNotFound, "'Default'")]
    [InlineData("Default", "Sals", ErrorIds.GroupNotFound, "'Sales'")]
    public async Task An_unknown_population_or_group_lists_the_close_names_and_nothing_is_created(string population, string? group, string errorId, string suggestion)
    {
        using var session = Sandbox.NewSession();
        AqueraConnection connection = await RuleSetup.ConnectionAsync(session, Sandbox);
        AqueraRuleDraft draft = RuleSetup.Draft("Typo", connection, false, population);
        if (group != null)
        {
            draft.Groups.Add(group);
        }

        State.Requests.Clear();
        var ex = await Assert.ThrowsAsync<AqueraOperationException>(() => RuleSetup.CreateAsync(session, draft));

        Assert.Equal(errorId, ex.ErrorId);
        Assert.Contains("Close matches: " + suggestion, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiRequests(), r => r.IsStateChanging);
    }

    [Fact]
    public async Task A_population_id_is_taken_as_it_is_but_checked_to_exist()
    {
        using var session = Sandbox.NewSession();
        AqueraConnection connection = await RuleSetup.ConnectionAsync(session, Sandbox);

        AqueraProvisioningRule rule = await RuleSetup.CreateAsync(session, RuleSetup.Draft("By id", connection, false, RuleSetup.ContractorsPopulationId));
        var ex = await Assert.ThrowsAsync<AqueraOperationException>(() => RuleSetup.CreateAsync(session, RuleSetup.Draft("Missing", connection, false, Guid.NewGuid().ToString())));

        Assert.Equal("Contractors", Assert.Single(rule.Populations).Name);
        Assert.Equal(ErrorIds.PopulationNotFound, ex.ErrorId);
    }

    [Fact]
    public async Task A_rule_without_population_group_or_filter_is_refused_before_any_request()
    {
        using var session = Sandbox.NewSession();
        var draft = new AqueraRuleDraft("Nobody") { ConnectionName = "HR" };

        var ex = await Assert.ThrowsAsync<AqueraValidationException>(() => RuleSetup.CreateAsync(session, draft));

        Assert.Equal(ErrorIds.RuleScopeRequired, ex.ErrorId);
        Assert.Empty(Requests());
    }

    [Fact]
    public async Task A_rule_name_in_use_is_refused_in_any_case_and_nothing_is_sent()
    {
        using var session = Sandbox.NewSession();
        AqueraConnection connection = await RuleSetup.ConnectionAsync(session, Sandbox);
        await RuleSetup.CreateAsync(session, RuleSetup.Draft("Sales users", connection));
        State.Requests.Clear();

        var ex = await Assert.ThrowsAsync<AqueraOperationException>(() => RuleSetup.CreateAsync(session, RuleSetup.Draft("SALES USERS", connection)));

        Assert.Equal(ErrorIds.RuleExists, ex.ErrorId);
        Assert.DoesNotContain(ApiRequests(), r => r.IsStateChanging);
    }

    [Fact]
    public async Task A_filter_is_ANDed_with_the_populations_and_read_back_apart_and_groups_keep_their_names()
    {
        using var session = Sandbox.NewSession();
        AqueraConnection connection = await RuleSetup.ConnectionAsync(session, Sandbox);
        AqueraRuleDraft draft = RuleSetup.Draft("Filtered", connection, false, "Default", "Contractors");
        draft.Filter = "title sw \"Sales\"";
        draft.Groups.Add("Sales");

        AqueraProvisioningRule rule = await RuleSetup.CreateAsync(session, draft);
        AqueraProvisioningRule read = await session.Rules.GetAsync(session.Rules.NewCatalog(), rule.Id, _context, CancellationToken.None);

        Assert.Equal("(population.id eq \"" + RuleSetup.DefaultPopulationId + "\" or population.id eq \"" + RuleSetup.ContractorsPopulationId + "\") and (title sw \"Sales\")", read.PopulationExpression);
        Assert.Equal(new[] { "Default", "Contractors" }, read.Populations.Select(p => p.Name));
        Assert.Equal("title sw \"Sales\"", read.Filter);
        Assert.Equal("Sales", Assert.Single(read.Groups).Name);
    }
}

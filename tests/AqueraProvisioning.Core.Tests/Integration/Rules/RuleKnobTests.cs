using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AqueraProvisioning.Core.Tests.Support;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Integration.Rules;

/// <summary>
/// Every open question of the rules contract has a sandbox knob; the module works under each answer, and what it
/// learns about the tenant it remembers for the session and says once in Verbose.
/// </summary>
public class RuleKnobTests : SandboxTestBase, IClassFixture<SandboxFixture>
{
    public RuleKnobTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    [Theory]
    [InlineData("both", 0)]
    [InlineData("planOnly", 0)]
    [InlineData("flatOnly", 1)]
    public async Task Rules_are_created_on_whichever_path_the_tenant_takes_and_a_refused_path_is_tried_once_per_session(string path, int refusals)
    {
        await Control.SetAsync(new { ruleCreatePath = path });
        using var session = Sandbox.NewSession();
        AqueraConnection connection = await RuleSetup.ConnectionAsync(session, Sandbox);
        var log = new RecordingLog();

        await RuleSetup.CreateAsync(session, RuleSetup.Draft("One", connection), new OperationContext(log));
        await RuleSetup.CreateAsync(session, RuleSetup.Draft("Two", connection), new OperationContext(log));

        Assert.Equal(2, State.Propagation.AllRules.Count);
        Assert.Equal(refusals, ApiRequests().Count(r => r.Method == "POST" && r.Path.EndsWith("/rules", StringComparison.Ordinal) && r.Status >= 400));
        Assert.Equal(refusals, log.VerboseLines.Count(l => l.Contains("Rules are created at /propagation/rules from now on", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_create_answer_without_the_rule_id_is_settled_by_finding_the_rule_by_name_and_stores(bool returnsId)
    {
        await Control.SetAsync(new { ruleCreateReturnsId = returnsId });
        using var session = Sandbox.NewSession();
        AqueraConnection connection = await RuleSetup.ConnectionAsync(session, Sandbox);

        AqueraProvisioningRule rule = await RuleSetup.CreateAsync(session, RuleSetup.Draft("Found again", connection, enabled: true));

        Assert.Equal(State.Propagation.AllRules.Single().Id.ToString(), rule.Id);
        Assert.True(rule.Enabled);
        Assert.Equal(4, State.Propagation.MappingsOf(Guid.Parse(rule.Id)).Count);
        Assert.Equal(returnsId ? 0 : 1, ApiRequests().Count(r => r.Method == "GET" && r.Path.EndsWith("/plans/" + rule.PlanId + "/rules", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("embedded")]
    [InlineData("items")]
    [InlineData("array")]
    public async Task Rule_lists_are_read_in_every_shape(string shape)
    {
        using var session = Sandbox.NewSession();
        AqueraConnection connection = await RuleSetup.ConnectionAsync(session, Sandbox);
        await RuleSetup.CreateAsync(session, RuleSetup.Draft("Listed", connection));
        await Control.SetAsync(new { ruleListShape = shape });

        var rules = await session.Rules.ListAsync(session.Rules.NewCatalog(), null, includeMappings: true, OperationContext.Silent(), CancellationToken.None);

        var rule = Assert.Single(rules);
        Assert.Equal("Listed", rule.Name);
        Assert.Equal(4, rule.MappingCount);
    }

    [Theory]
    [InlineData("both", 0)]
    [InlineData("singular", 1)]
    [InlineData("plural", 0)]
    public async Task Mappings_are_deleted_on_whichever_path_the_tenant_takes(string path, int refusals)
    {
        await Control.SetAsync(new { mappingDeletePath = path });
        using var session = Sandbox.NewSession();
        AqueraConnection connection = await RuleSetup.ConnectionAsync(session, Sandbox);
        AqueraProvisioningRule rule = await RuleSetup.CreateAsync(session, RuleSetup.Draft("Mapped", connection));
        MappingIndex index = session.Mappings.NewIndex();
        var mappings = await index.OfAsync(rule, OperationContext.Silent(), CancellationToken.None);

        await session.Mappings.DeleteAsync(mappings[0], index, OperationContext.Silent(), CancellationToken.None);
        await session.Mappings.DeleteAsync(mappings[1], index, OperationContext.Silent(), CancellationToken.None);

        Assert.Equal(2, State.Propagation.MappingsOf(Guid.Parse(rule.Id)).Count);
        Assert.Equal(refusals, ApiRequests().Count(r => r.Method == "DELETE" && r.Status >= 400));
        Assert.Equal(2, (await index.OfAsync(rule, OperationContext.Silent(), CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_mapping_already_gone_on_both_paths_counts_as_deleted()
    {
        await Control.SetAsync(new { mappingDeletePath = "plural" });
        using var session = Sandbox.NewSession();
        AqueraConnection connection = await RuleSetup.ConnectionAsync(session, Sandbox);
        AqueraProvisioningRule rule = await RuleSetup.CreateAsync(session, RuleSetup.Draft("Mapped", connection));
        var mapping = (await session.Mappings.ListAsync(rule, OperationContext.Silent(), CancellationToken.None))[0];
        await session.Mappings.DeleteAsync(mapping, null, OperationContext.Silent(), CancellationToken.None);

        await session.Mappings.DeleteAsync(mapping, null, OperationContext.Silent(), CancellationToken.None);

        Assert.Equal(3, State.Propagation.MappingsOf(Guid.Parse(rule.Id)).Count);
    }

    [Theory]
    [InlineData("ignored", "ACTIVE", 0)]
    [InlineData("required", "ACTIVE", 0)]
    [InlineData("inactiveOnly", "INACTIVE", 1)]
    public async Task Enabling_a_rule_makes_the_plan_active_where_the_tenant_takes_it_and_users_reach_Aquera_in_every_mode(string mode, string planStatus, int refusals)
    {
        await Control.SetAsync(new { planStatusMode = mode });
        using var session = Sandbox.NewSession();
        AqueraConnection connection = await RuleSetup.ConnectionAsync(session, Sandbox);
        var log = new RecordingLog();

        await RuleSetup.CreateAsync(session, RuleSetup.Draft("Default", connection, enabled: true), new OperationContext(log));
        await RuleSetup.CreateAsync(session, RuleSetup.Draft("Contractors", connection, true, "Contractors"), new OperationContext(log));
        await RuleSetup.SyncAsync(session, State);

        Assert.Equal(planStatus, State.Propagation.AllPlans.Single().Status);
        Assert.Equal(refusals, ApiRequests().Count(r => r.Method == "PUT" && r.Path.Contains("/propagation/plans/", StringComparison.Ordinal) && r.Status == 400));
        Assert.Equal(refusals, log.VerboseLines.Count(l => l.Contains("leaves the plan's status as it is", StringComparison.Ordinal)));
        Assert.Equal(new[] { "alice.anders", "bob.baker", "carol.chen", "dave.diaz", "erin.evans", "frank.fischer" }, RuleSetup.ScimUserNames(State));
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 2)]
    public async Task A_directory_store_is_sent_bare_and_with_an_empty_configuration_only_when_the_tenant_asks_for_one(bool required, int posts)
    {
        await Control.SetAsync(new { directoryConfigurationRequired = required });
        using var session = Sandbox.NewSession();
        AqueraConnection connection = await RuleSetup.ConnectionAsync(session, Sandbox);
        State.Requests.Clear();

        await RuleSetup.CreateAsync(session, RuleSetup.Draft("Source", connection));

        Assert.Single(State.Stores.Snapshot(), s => s.Content.Type == "directory");
        Assert.Equal(posts, ApiRequests().Count(r => r.Method == "POST" && r.Path.EndsWith("/propagation/stores", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(409)]
    public async Task A_connection_that_a_rule_uses_is_refused_with_the_rule_names_before_any_delete(int status)
    {
        await Control.SetAsync(new { storeInUseStatus = status });
        using var session = Sandbox.NewSession();
        AqueraConnection connection = await RuleSetup.ConnectionAsync(session, Sandbox);
        await RuleSetup.CreateAsync(session, RuleSetup.Draft("Alpha", connection));
        await RuleSetup.CreateAsync(session, RuleSetup.Draft("Beta", connection));
        State.Requests.Clear();

        var ex = await Assert.ThrowsAsync<AqueraOperationException>(() => session.Rules.RequireNotInUseAsync(session.Rules.NewCatalog(), connection, OperationContext.Silent(), CancellationToken.None));

        Assert.Equal(ErrorIds.ConnectionInUse, ex.ErrorId);
        Assert.Contains("'Alpha', 'Beta'", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiRequests(), r => r.IsStateChanging);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_rule_without_mappings_is_enabled_where_the_tenant_allows_it_and_otherwise_left_disabled_with_PingOne_s_reason(bool requiresMappings)
    {
        await Control.SetAsync(new { activeRuleRequiresMappings = requiresMappings });
        using var session = Sandbox.NewSession();
        AqueraConnection connection = await RuleSetup.ConnectionAsync(session, Sandbox);
        AqueraRuleDraft draft = RuleSetup.Draft("Unmapped", connection, enabled: true);
        draft.UseDefaultMappings = false;

        Task<AqueraProvisioningRule> create = RuleSetup.CreateAsync(session, draft);

        if (requiresMappings)
        {
            var ex = await Assert.ThrowsAsync<AqueraOperationException>(() => create);
            Assert.Equal(ErrorIds.RuleEnableRefused, ex.ErrorId);
            Assert.Contains("no attribute mappings", ex.Message, StringComparison.Ordinal);
            Assert.Contains("left disabled", ex.Message, StringComparison.Ordinal);
            Assert.False(State.Propagation.AllRules.Single().Content.Active);
        }
        else
        {
            Assert.True((await create).Enabled);
            Assert.Equal(0, (await create).MappingCount);
        }
    }
}

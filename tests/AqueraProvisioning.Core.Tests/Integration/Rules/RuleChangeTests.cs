using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using AqueraProvisioning.Core.Tests.Support;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Integration.Rules;

public class RuleChangeTests : SandboxTestBase, IClassFixture<SandboxFixture>
{
    private readonly OperationContext _context = OperationContext.Silent();

    public RuleChangeTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    private static async Task<AqueraRuleUpdateResult> UpdateAsync(PingOneSession session, string id, AqueraRuleChanges changes, bool force = false)
    {
        ProvisioningCatalog catalog = session.Rules.NewCatalog();
        PendingRuleUpdate pending = await session.Rules.PrepareUpdateAsync(catalog, id, changes, OperationContext.Silent(), CancellationToken.None);
        return await session.Rules.ApplyAsync(catalog, pending, force, OperationContext.Silent(), CancellationToken.None);
    }

    [Fact]
    public async Task An_update_replaces_the_whole_rule_keeping_members_this_module_does_not_know()
    {
        using var session = Sandbox.NewSession();
        AqueraConnection connection = await RuleSetup.ConnectionAsync(session, Sandbox);
        AqueraProvisioningRule rule = await RuleSetup.CreateAsync(session, RuleSetup.Draft("Keeps extras", connection));
        PropagationRule raw = (await session.Api.SendAsync(new PingOneRequest(HttpMethod.Get, session.Api.Url("propagation/rules", rule.Id)), CoreJson.Default.PropagationRule, _context, CancellationToken.None))!;
        PropagationRule withExtra = raw.ToReplacement();
        using (JsonDocument future = JsonDocument.Parse("{\"level\":3}"))
        {
            withExtra.Extra = new Dictionary<string, JsonElement> { ["futureSetting"] = future.RootElement.Clone() };
        }

        await session.Api.SendAsync(new PingOneRequest(HttpMethod.Put, session.Api.Url("propagation/rules", rule.Id)) { Body = PingOneApi.JsonBody(() => withExtra, CoreJson.Default.PropagationRule) }, _context, CancellationToken.None);

        AqueraRuleUpdateResult result = await UpdateAsync(session, rule.Id, new AqueraRuleChanges { NewName = "Renamed", Description = "now described", Filter = "title co \"Engineer\"" });

        Assert.True(result.Changed);
        var stored = State.Propagation.AllRules.Single().Content;
        Assert.Equal("Renamed", stored.Name);
        Assert.Equal("now described", stored.Description);
        Assert.Equal("(population.id eq \"" + RuleSetup.DefaultPopulationId + "\") and (title co \"Engineer\")", stored.PopulationExpression);
        Assert.Contains("\"level\":3", stored.Extra!.Value.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("title co \"Engineer\"", result.Rule.Filter);
        Assert.Equal("Default", Assert.Single(result.Rule.Populations).Name);
    }

    [Fact]
    public async Task Nothing_is_sent_when_the_rule_already_is_as_asked()
    {
        using var session = Sandbox.NewSession();
        AqueraConnection connection = await RuleSetup.ConnectionAsync(session, Sandbox);
        AqueraProvisioningRule rule = await RuleSetup.CreateAsync(session, RuleSetup.Draft("Same", connection));
        State.Requests.Clear();

        AqueraRuleUpdateResult result = await UpdateAsync(session, rule.Id, new AqueraRuleChanges { NewName = "Same", Populations = new[] { "default" }, State = AqueraConnectionState.Disabled });

        Assert.False(result.Changed);
        Assert.DoesNotContain(ApiRequests(), r => r.IsStateChanging);
    }

    [Fact]
    public async Task Enabling_by_update_checks_the_connection_first_unless_forced()
    {
        using var session = Sandbox.NewSession();
        AqueraConnection connection = await RuleSetup.ConnectionAsync(session, Sandbox, enabled: false);
        AqueraProvisioningRule rule = await RuleSetup.CreateAsync(session, RuleSetup.Draft("Later", connection));

        var refused = await Assert.ThrowsAsync<AqueraOperationException>(() => UpdateAsync(session, rule.Id, new AqueraRuleChanges { State = AqueraConnectionState.Enabled }));
        await session.Connections.UpdateAsync(connection.Id, new AqueraConnectionChanges { State = AqueraConnectionState.Enabled }, new AqueraUpdateOptions(), _context, CancellationToken.None);
        AqueraRuleUpdateResult enabled = await UpdateAsync(session, rule.Id, new AqueraRuleChanges { State = AqueraConnectionState.Enabled });

        Assert.Equal(ErrorIds.RuleEnableRefused, refused.ErrorId);
        Assert.Contains("'HR' is disabled", refused.Message, StringComparison.Ordinal);
        Assert.True(enabled.Rule.Enabled);
        Assert.True(State.Propagation.AllRules.Single().Content.Active);
    }

    [Fact]
    public async Task A_new_name_that_another_rule_has_and_an_emptied_scope_are_refused()
    {
        using var session = Sandbox.NewSession();
        AqueraConnection connection = await RuleSetup.ConnectionAsync(session, Sandbox);
        AqueraProvisioningRule first = await RuleSetup.CreateAsync(session, RuleSetup.Draft("First", connection));
        await RuleSetup.CreateAsync(session, RuleSetup.Draft("Second", connection));

        var exists = await Assert.ThrowsAsync<AqueraOperationException>(() => UpdateAsync(session, first.Id, new AqueraRuleChanges { NewName = "second" }));
        var empty = await Assert.ThrowsAsync<AqueraValidationException>(() => UpdateAsync(session, first.Id, new AqueraRuleChanges { Populations = Array.Empty<string>() }));

        Assert.Equal(ErrorIds.RuleExists, exists.ErrorId);
        Assert.Equal(ErrorIds.RuleScopeRequired, empty.ErrorId);
    }

    [Theory]
    [InlineData(true, true, false)]
    [InlineData(true, false, true)]
    [InlineData(false, true, false)]
    public async Task A_delete_removes_the_mappings_then_the_rule_and_says_when_deprovisioning_was_asked_of_an_unmanaged_connection(bool deprovision, bool managed, bool ignored)
    {
        using var session = Sandbox.NewSession();
        AqueraConnection connection = await RuleSetup.ConnectionAsync(session, Sandbox, managed: managed);
        AqueraProvisioningRule rule = await RuleSetup.CreateAsync(session, RuleSetup.Draft("Doomed", connection));
        State.Requests.Clear();

        AqueraRuleDeleteResult result = await session.Rules.DeleteAsync(session.Rules.NewCatalog(), rule, deprovision, _context, CancellationToken.None);

        Assert.Equal(4, result.MappingsDeleted);
        Assert.Equal(ignored, result.DeprovisionIgnored);
        Assert.Empty(State.Propagation.AllRules);
        Assert.Empty(State.Propagation.AllMappings);
        var deletes = ApiRequests().Where(r => r.Method == "DELETE").ToList();
        Assert.Equal(5, deletes.Count);
        Assert.EndsWith("/propagation/rules/" + rule.Id, deletes[^1].Path, StringComparison.Ordinal);
        Assert.Equal(deprovision ? "deprovision=true" : string.Empty, deletes[^1].Query);
    }

    [Fact]
    public async Task Rules_to_other_kinds_of_store_are_not_listed_and_refused_by_id()
    {
        using var session = Sandbox.NewSession();
        AqueraConnection connection = await RuleSetup.ConnectionAsync(session, Sandbox);
        AqueraProvisioningRule rule = await RuleSetup.CreateAsync(session, RuleSetup.Draft("Aquera one", connection));
        string ldap = await Control.RawInsertAsync(new System.Text.Json.Nodes.JsonObject { ["name"] = "LDAP", ["type"] = "LdapGateway", ["configuration"] = new System.Text.Json.Nodes.JsonObject() });
        PropagationRule other = await new PropagationRules(session.Api).CreateAsync(
            new PropagationRule { Plan = new ResourceReference { Id = rule.PlanId }, SourceStore = new ResourceReference { Id = rule.SourceStoreId }, TargetStore = new ResourceReference { Id = ldap }, Name = "To LDAP" },
            _context,
            CancellationToken.None);

        var listed = await session.Rules.ListAsync(session.Rules.NewCatalog(), null, false, _context, CancellationToken.None);
        var ex = await Assert.ThrowsAsync<AqueraOperationException>(() => session.Rules.GetAsync(session.Rules.NewCatalog(), other.Id!, _context, CancellationToken.None));

        Assert.Equal("Aquera one", Assert.Single(listed).Name);
        Assert.Equal(ErrorIds.NotAnAqueraRule, ex.ErrorId);
    }
}

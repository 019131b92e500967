using System.Linq;
using Xunit;
using static AqueraProvisioning.Core.Tests.Unit.Configuration.ConfigurationSamples;

namespace AqueraProvisioning.Core.Tests.Unit.Configuration;

public class ConfigurationPlannerTests
{
    private static string[] Steps(ConfigurationPlan plan) => plan.Changes.Select(c => c.Action + " " + c.Kind + " " + c.Name).ToArray();

    private static ConfigurationPlan Plan(AqueraConfiguration desired, AqueraConfiguration current, bool prune = false) =>
        ConfigurationPlanner.Plan(desired, current, new ConfigurationPlanOptions { Prune = prune });

    [Fact]
    public void Against_an_empty_environment_everything_is_created_connections_first_then_each_rule_with_its_mappings()
    {
        AqueraConfiguration desired = Document(Rule("Sales", "HR"), Bearer("HR"), Rule("Eng", "HR", ("userName", "username")));
        desired.Rules[0].Mappings.Add(new AqueraConfigurationMapping { Target = "userName", Source = "username" });

        ConfigurationPlan plan = Plan(desired, new AqueraConfiguration());

        Assert.Equal(new[] { "Create Connection HR", "Create Rule Sales", "Create Mapping Sales / userName", "Create Rule Eng", "Create Mapping Eng / userName" }, Steps(plan));
        Assert.True(plan.Changes[0].NeedsCredential);
        Assert.Equal(ConfigurationCredentialUse.Create, plan.Changes[0].CredentialUse);
        Assert.All(plan.Changes, c => Assert.Empty(c.Properties));
        Assert.Equal("Sales", plan.Changes[2].Rule);
        Assert.Same(desired.Connections[0], plan.Changes[0].Desired);
        Assert.Null(plan.Changes[0].Current);
    }

    [Fact]
    public void The_same_document_against_itself_is_all_unchanged_and_reads_no_secret()
    {
        AqueraConfiguration desired = Rich();

        ConfigurationPlan plan = Plan(desired, Copy(desired), prune: true);

        Assert.False(plan.HasChanges);
        Assert.All(plan.Changes, c => Assert.Equal(ConfigurationAction.Unchanged, c.Action));
        Assert.Equal(desired.Connections.Count + desired.Rules.Count + desired.Rules.Sum(r => r.Mappings.Count), plan.Changes.Count);
        Assert.Empty(plan.NeedingCredentials);
    }

    [Fact]
    public void Items_match_by_name_without_regard_to_case_and_a_case_only_rename_is_an_update_of_the_name()
    {
        AqueraConfiguration current = Document(Bearer("workday"), Rule("sales", "WORKDAY", ("USERNAME", "username")));
        AqueraConfiguration desired = Copy(current);
        desired.Connections[0].Name = "Workday";
        desired.Rules[0].Name = "Sales";
        desired.Rules[0].Connection = "Workday";
        desired.Rules[0].Mappings[0].Target = "userName";

        ConfigurationPlan plan = Plan(desired, current, prune: true);

        Assert.Equal(new[] { "Update Connection Workday", "Update Rule Sales", "Update Mapping Sales / userName" }, Steps(plan));
        Assert.Equal("Name: 'workday' -> 'Workday'", Assert.Single(plan.Changes[0].Properties).ToString());
        Assert.Equal("Name: 'sales' -> 'Sales'", Assert.Single(plan.Changes[1].Properties).ToString());
        Assert.Equal("Target: 'USERNAME' -> 'userName'", Assert.Single(plan.Changes[2].Properties).ToString());
        Assert.False(plan.Changes[0].NeedsCredential);
    }

    [Fact]
    public void An_update_lists_each_changed_property_old_to_new_and_nothing_else()
    {
        AqueraConfiguration current = Document(Bearer("HR", AqueraConnectionState.Disabled));
        AqueraConfiguration desired = Copy(current);
        AqueraConfigurationConnection hr = desired.Connections[0];
        hr.Description = string.Empty;
        hr.AllowDisable = true;
        hr.RemoveAction = AqueraRemoveAction.Delete;
        hr.GroupNameSource = AqueraGroupNameSource.CommonName;
        hr.State = AqueraConnectionState.Enabled;

        ConfigurationChange change = Assert.Single(Plan(desired, current).Changes);

        Assert.Equal(ConfigurationAction.Update, change.Action);
        Assert.Equal(
            new[] { "Description: 'HR users' -> (none)", "AllowDisable: False -> True", "RemoveAction: Disable -> Delete", "GroupNameSource: (none) -> CommonName", "State: Disabled -> Enabled" },
            change.Properties.Select(p => p.ToString()));
        Assert.Equal("Update Connection 'HR': Description: 'HR users' -> (none); AllowDisable: False -> True; RemoveAction: Disable -> Delete; GroupNameSource: (none) -> CommonName; State: Disabled -> Enabled", change.ToString());
        Assert.False(change.NeedsCredential);
    }

    [Fact]
    public void A_document_without_a_group_name_source_leaves_the_environments_one_alone()
    {
        AqueraConfiguration current = Document(Basic("SN"));
        AqueraConfiguration desired = Copy(current);
        desired.Connections[0].GroupNameSource = null;

        Assert.False(Plan(desired, current).HasChanges);
    }

    [Fact]
    public void A_supplied_secret_is_an_update_of_the_credential_without_any_value()
    {
        AqueraConfiguration current = Document(Bearer("HR"));
        var options = new ConfigurationPlanOptions();
        options.SuppliedSecrets.Add("hr");

        ConfigurationChange change = Assert.Single(ConfigurationPlanner.Plan(Copy(current), current, options).Changes);

        Assert.Equal(ConfigurationAction.Update, change.Action);
        ConfigurationPropertyChange credential = Assert.Single(change.Properties);
        Assert.True(credential.IsCredential);
        Assert.Equal("Credential: (stored) -> (supplied)", credential.ToString());
        Assert.Equal(ConfigurationCredentialUse.Supplied, change.CredentialUse);
    }

    [Fact]
    public void Changing_the_authentication_needs_a_secret_even_when_none_was_supplied()
    {
        AqueraConfiguration current = Document(Bearer("HR"));
        AqueraConfiguration desired = Copy(current);
        desired.Connections[0].AuthenticationMethod = AqueraAuthenticationMethod.BasicAuth;
        desired.Connections[0].BasicAuthUser = "svc";

        ConfigurationChange change = Assert.Single(Plan(desired, current).Changes);

        Assert.Equal(ConfigurationCredentialUse.AuthenticationChange, change.CredentialUse);
        Assert.Equal(new[] { "AuthenticationMethod: BearerToken -> BasicAuth", "BasicAuthUser: (none) -> 'svc'", "Credential: (stored) -> (supplied)" }, change.Properties.Select(p => p.ToString()));
    }

    [Fact]
    public void When_PingOne_does_not_return_the_stored_secret_any_change_sends_it_again_but_no_change_sends_nothing()
    {
        AqueraConfiguration current = Document(Bearer("HR"), Bearer("Other"));
        AqueraConfiguration desired = Copy(current);
        desired.Connections[0].AllowDisable = true;
        var options = new ConfigurationPlanOptions();
        options.SecretNotReturned.Add("HR");
        options.SecretNotReturned.Add("Other");

        ConfigurationPlan plan = ConfigurationPlanner.Plan(desired, current, options);

        Assert.Equal(ConfigurationCredentialUse.Resend, plan.Changes[0].CredentialUse);
        Assert.Equal(ConfigurationAction.Unchanged, plan.Changes[1].Action);
        Assert.False(plan.Changes[1].NeedsCredential);
    }

    [Fact]
    public void A_rename_is_a_create_and_only_with_prune_also_a_delete_of_the_old_name()
    {
        AqueraConfiguration current = Document(Bearer("HR"));
        AqueraConfiguration desired = Document(Bearer("Human Resources"));

        Assert.Equal(new[] { "Create Connection Human Resources" }, Steps(Plan(desired, current)));
        Assert.Equal(new[] { "Create Connection Human Resources", "Delete Connection HR" }, Steps(Plan(desired, current, prune: true)));
    }

    [Fact]
    public void Prune_deletes_in_reverse_dependency_order_and_keeps_a_connection_the_documents_rules_name()
    {
        AqueraConfiguration current = Document(
            Bearer("Kept by a rule"),
            Bearer("Gone"),
            Rule("Sales", "Kept by a rule", ("userName", "username"), ("title", "title")),
            Rule("Old", "Gone", ("userName", "username")));
        AqueraConfiguration desired = Document(Rule("Sales", "Kept by a rule", ("userName", "username")));

        ConfigurationPlan plan = Plan(desired, current, prune: true);

        Assert.Equal(
            new[] { "Unchanged Rule Sales", "Unchanged Mapping Sales / userName", "Delete Mapping Sales / title", "Delete Rule Old", "Delete Connection Gone" },
            Steps(plan));
        Assert.Same(current.Rules[1], plan.Changes[3].Current);
        Assert.Null(plan.Changes[3].Desired);
    }

    [Fact]
    public void Without_prune_nothing_is_deleted_not_even_a_mapping_the_document_dropped()
    {
        AqueraConfiguration current = Document(Bearer("Other"), Rule("Sales", "HR", ("userName", "username"), ("title", "title")), Rule("Old", "HR"));
        AqueraConfiguration desired = Document(Rule("Sales", "HR", ("userName", "username")));

        ConfigurationPlan plan = Plan(desired, current);

        Assert.DoesNotContain(plan.Changes, c => c.Action == ConfigurationAction.Delete);
        Assert.False(plan.HasChanges);
    }

    [Fact]
    public void A_mapping_that_changes_from_a_source_to_an_expression_is_one_update()
    {
        AqueraConfiguration current = Document(Rule("Sales", "HR", ("displayName", "name.formatted")));
        AqueraConfiguration desired = Copy(current);
        desired.Rules[0].Mappings[0].Source = null;
        desired.Rules[0].Mappings[0].Expression = "user.name.given + ' ' + user.name.family";

        ConfigurationChange change = Plan(desired, current).Changes.Single(c => c.Kind == ConfigurationKind.Mapping);

        Assert.Equal(ConfigurationAction.Update, change.Action);
        Assert.Equal("Sales / displayName", change.Name);
        Assert.Equal(new[] { "Source: 'name.formatted' -> (none)", "Expression: (none) -> 'user.name.given + ' ' + user.name.family'" }, change.Properties.Select(p => p.ToString()));
    }

    [Fact]
    public void Population_and_group_order_and_case_do_not_matter_but_membership_does()
    {
        AqueraConfiguration current = Document(Rule("Sales", "HR"));
        current.Rules[0].Populations.Add("Contractors");
        current.Rules[0].Groups.Add("Engineering");
        AqueraConfiguration reordered = Copy(current);
        reordered.Rules[0].Populations.Clear();
        reordered.Rules[0].Populations.Add("contractors");
        reordered.Rules[0].Populations.Add("DEFAULT");
        reordered.Rules[0].Groups.Clear();
        reordered.Rules[0].Groups.Add("engineering");
        reordered.Rules[0].Groups.Add("sales");
        AqueraConfiguration fewer = Copy(current);
        fewer.Rules[0].Populations.RemoveAt(0);

        Assert.False(Plan(reordered, current).HasChanges);
        Assert.Equal("Populations: 'Default', 'Contractors' -> 'Contractors'", Assert.Single(Plan(fewer, current).Changes[0].Properties).ToString());
    }

    [Fact]
    public void Filters_are_compared_exactly_as_written()
    {
        AqueraConfiguration current = Document(Rule("Sales", "HR"));
        AqueraConfiguration desired = Copy(current);
        desired.Rules[0].Filter = "title sw  \"Sales\"";

        ConfigurationPropertyChange change = Assert.Single(Plan(desired, current).Changes[0].Properties);

        Assert.Equal("Filter", change.Property);
        Assert.Equal("title sw \"Sales\"", change.Old);
        Assert.Equal("title sw  \"Sales\"", change.New);
    }

    [Fact]
    public void A_rule_that_moves_to_another_connection_is_replaced_with_all_its_mappings_even_without_prune()
    {
        AqueraConfiguration current = Document(Bearer("Old"), Bearer("New"), Rule("Sales", "Old", ("userName", "username")));
        AqueraConfiguration desired = Copy(current);
        desired.Rules[0].Connection = "New";

        ConfigurationPlan plan = Plan(desired, current, prune: true);

        Assert.Equal(
            new[] { "Unchanged Connection Old", "Unchanged Connection New", "Delete Rule Sales", "Create Rule Sales", "Create Mapping Sales / userName" },
            Steps(plan));
        Assert.Equal(ConfigurationPlanner.ReplaceReason, plan.Changes[2].Reason);
        Assert.Equal(new[] { "Delete Rule Sales" }, Steps(Plan(desired, current)).Where(s => s.StartsWith("Delete", System.StringComparison.Ordinal)));
    }

    [Fact]
    public void A_connection_is_enabled_before_the_rules_that_need_it_are_created_or_enabled()
    {
        AqueraConfiguration current = Document(Bearer("HR", AqueraConnectionState.Disabled), Rule("Sales", "HR"));
        current.Rules[0].State = AqueraConnectionState.Disabled;
        AqueraConfiguration desired = Document(Rule("Sales", "HR"), Rule("New", "HR"), Bearer("HR", AqueraConnectionState.Enabled));

        ConfigurationPlan plan = Plan(desired, current);

        Assert.Equal(new[] { "Update Connection HR", "Update Rule Sales", "Create Rule New" }, Steps(plan));
        Assert.Equal("State: Disabled -> Enabled", Assert.Single(plan.Changes[0].Properties).ToString());
        Assert.Equal("State: Disabled -> Enabled", Assert.Single(plan.Changes[1].Properties).ToString());
    }

    [Fact]
    public void A_document_rule_on_a_connection_only_the_environment_has_plans_without_touching_that_connection()
    {
        AqueraConfiguration current = Document(Bearer("HR"));
        AqueraConfiguration desired = Document(Rule("Sales", "hr", ("userName", "username")));

        ConfigurationPlan plan = Plan(desired, current, prune: true);

        Assert.Equal(new[] { "Create Rule Sales", "Create Mapping Sales / userName" }, Steps(plan));
    }
}

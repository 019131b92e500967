using System.Collections;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Unit.Configuration;

public class ConfigurationReaderTests
{
    private const string Minimal = """
        {
          "SchemaVersion": 1,
          "Connections": [
            { "Name": "Workday", "ScimUrl": "https://api.aquera.io/scim/t/a", "AuthenticationMethod": "BearerToken", "State": "Enabled" }
          ],
          "Rules": [
            { "Name": "Sales", "Connection": "Workday", "State": "Disabled", "Mappings": [ { "Target": "userName", "Source": "username" } ] }
          ]
        }
        """;

    [Fact]
    public void A_minimal_json_document_reads_with_the_documented_defaults()
    {
        AqueraConfiguration document = ConfigurationReader.FromJson(Minimal, "prod.json");

        AqueraConfigurationConnection connection = Assert.Single(document.Connections);
        Assert.Equal("Workday", connection.Name);
        Assert.Equal(string.Empty, connection.Description);
        Assert.Equal(AqueraAuthenticationMethod.BearerToken, connection.AuthenticationMethod);
        Assert.Null(connection.BasicAuthUser);
        Assert.False(connection.AllowCreate || connection.AllowUpdate || connection.AllowDisable || connection.DeprovisionOnRuleDeletion);
        Assert.Equal(AqueraRemoveAction.Disable, connection.RemoveAction);
        Assert.Null(connection.GroupNameSource);
        Assert.Equal(AqueraConnectionState.Enabled, connection.State);
        Assert.Equal("env:AQUERA_SECRET_WORKDAY", connection.Secret!.ToString());

        AqueraConfigurationRule rule = Assert.Single(document.Rules);
        Assert.Equal("Workday", rule.Connection);
        Assert.Empty(rule.Populations);
        Assert.Empty(rule.Groups);
        Assert.Equal(string.Empty, rule.Filter);
        Assert.Equal(string.Empty, rule.Description);
        AqueraConfigurationMapping mapping = Assert.Single(rule.Mappings);
        Assert.Equal(("userName", "username", (string?)null, AqueraMappingType.User), (mapping.Target, mapping.Source, mapping.Expression, mapping.Type));
    }

    [Fact]
    public void Keys_and_enum_names_match_without_regard_to_case_and_names_are_trimmed()
    {
        AqueraConfiguration document = ConfigurationReader.FromJson("""
            { "schemaversion": 1, "connections": [ { "name": "  Workday  ", "scimURL": "https://a.example/scim", "authenticationmethod": "basicauth",
              "basicauthuser": "svc", "state": "DISABLED", "removeAction": "delete", "groupNameSource": "commonname" } ] }
            """);

        AqueraConfigurationConnection connection = Assert.Single(document.Connections);
        Assert.Equal("Workday", connection.Name);
        Assert.Equal(AqueraAuthenticationMethod.BasicAuth, connection.AuthenticationMethod);
        Assert.Equal("svc", connection.BasicAuthUser);
        Assert.Equal(AqueraConnectionState.Disabled, connection.State);
        Assert.Equal(AqueraRemoveAction.Delete, connection.RemoveAction);
        Assert.Equal(AqueraGroupNameSource.CommonName, connection.GroupNameSource);
    }

    [Fact]
    public void A_null_value_counts_as_absent_and_takes_the_default()
    {
        AqueraConfiguration document = ConfigurationReader.FromJson("""
            { "SchemaVersion": 1, "Rules": null, "Connections": [ { "Name": "W", "ScimUrl": "https://a.example/scim", "AuthenticationMethod": "BearerToken",
              "State": "Enabled", "Description": null, "GroupNameSource": null, "AllowCreate": null, "Secret": null } ] }
            """);

        Assert.Empty(document.Rules);
        Assert.Equal(string.Empty, document.Connections[0].Description);
        Assert.Null(document.Connections[0].GroupNameSource);
        Assert.False(document.Connections[0].AllowCreate);
        Assert.Equal("env:AQUERA_SECRET_W", document.Connections[0].Secret!.ToString());
    }

    [Fact]
    public void A_hashtable_tree_as_PowerShell_parses_a_psd1_file_reads_like_the_same_json()
    {
        // What Import-PowerShellDataFile returns: Hashtables, object[] and a lone value where @( ) was left out.
        var tree = new Hashtable
        {
            ["SchemaVersion"] = 1,
            ["Connections"] = new Hashtable { ["Name"] = "Workday", ["ScimUrl"] = "https://api.aquera.io/scim/t/a", ["AuthenticationMethod"] = "BearerToken", ["State"] = "Enabled" },
            ["Rules"] = new object[]
            {
                new Hashtable { ["Name"] = "Sales", ["Connection"] = "Workday", ["State"] = "Disabled", ["Mappings"] = new Hashtable { ["Target"] = "userName", ["Source"] = "username" } },
            },
        };

        AqueraConfiguration fromTree = ConfigurationReader.FromTree(tree, "prod.psd1");

        Assert.Equal(ConfigurationWriter.ToJson(ConfigurationReader.FromJson(Minimal)), ConfigurationWriter.ToJson(fromTree));
    }

    [Fact]
    public void A_single_population_written_without_a_list_is_a_list_of_one()
    {
        var tree = new Dictionary<string, object?>
        {
            ["SchemaVersion"] = 1L,
            ["Rules"] = new List<object?> { new Dictionary<string, object?> { ["Name"] = "R", ["Connection"] = "C", ["State"] = "Enabled", ["Populations"] = "Default", ["Groups"] = new[] { "Sales", "Engineering" } } },
        };

        AqueraConfigurationRule rule = Assert.Single(ConfigurationReader.FromTree(tree).Rules);

        Assert.Equal(new[] { "Default" }, rule.Populations);
        Assert.Equal(new[] { "Sales", "Engineering" }, rule.Groups);
    }

    [Fact]
    public void Explicit_secret_references_are_kept_and_defaults_never_collide_with_them_or_each_other()
    {
        AqueraConfiguration document = ConfigurationReader.FromJson("""
            { "SchemaVersion": 1, "Connections": [
              { "Name": "Work Day", "ScimUrl": "https://a.example/s", "AuthenticationMethod": "BearerToken", "State": "Enabled", "Secret": "env:AQUERA_SECRET_WORK_DAY" },
              { "Name": "Work-Day", "ScimUrl": "https://a.example/s", "AuthenticationMethod": "BearerToken", "State": "Enabled" },
              { "Name": "work day!", "ScimUrl": "https://a.example/s", "AuthenticationMethod": "BearerToken", "State": "Enabled" },
              { "Name": "Vaulted", "ScimUrl": "https://a.example/s", "AuthenticationMethod": "BearerToken", "State": "Enabled", "Secret": "secret:Aquera Vaulted" },
              { "Name": "Passed", "ScimUrl": "https://a.example/s", "AuthenticationMethod": "BearerToken", "State": "Enabled", "Secret": "PassedToken" }
            ] }
            """);

        Assert.Equal(
            new[] { "env:AQUERA_SECRET_WORK_DAY", "env:AQUERA_SECRET_WORK_DAY_2", "env:AQUERA_SECRET_WORK_DAY_3", "secret:Aquera Vaulted", "PassedToken" },
            document.Connections.Select(c => c.Secret!.ToString()));
        Assert.Equal(ConfigurationSecretSource.SecretVault, document.Connections[3].Secret!.Source);
        Assert.Equal(ConfigurationSecretSource.Supplied, document.Connections[4].Secret!.Source);
    }

    [Fact]
    public void Json_comments_and_trailing_commas_are_tolerated()
    {
        AqueraConfiguration document = ConfigurationReader.FromJson("""
            // exported from test
            { "SchemaVersion": 1, /* none yet */ "Connections": [], "Rules": [], }
            """);

        Assert.Empty(document.Connections);
        Assert.Empty(document.Rules);
    }

    [Fact]
    public void Sorting_by_name_orders_connections_rules_and_mappings_without_regard_to_case()
    {
        AqueraConfiguration document = ConfigurationSamples.Document(
            ConfigurationSamples.Bearer("zeta"),
            ConfigurationSamples.Bearer("Alpha"),
            ConfigurationSamples.Rule("b", "Alpha", ("userName", "username"), ("displayName", "name.formatted")),
            ConfigurationSamples.Rule("A", "zeta"));

        document.SortByName();

        Assert.Equal(new[] { "Alpha", "zeta" }, document.Connections.Select(c => c.Name));
        Assert.Equal(new[] { "A", "b" }, document.Rules.Select(r => r.Name));
        Assert.Equal(new[] { "displayName", "userName" }, document.Rules[1].Mappings.Select(m => m.Target));
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Unit.Configuration;

public class ConfigurationValidationTests
{
    private static AqueraConfigurationException Refused(string json, string file = "prod.json")
    {
        var ex = Assert.Throws<AqueraConfigurationException>(() => ConfigurationReader.FromJson(json, file));
        Assert.Equal(ErrorIds.InvalidConfigurationFile, ex.ErrorId);
        Assert.Equal(file, ex.File);
        Assert.All(ex.Problems, p => Assert.Equal(file, p.File));
        return ex;
    }

    private static ConfigurationProblem Only(AqueraConfigurationException ex, ConfigurationProblemKind kind) =>
        Assert.Single(ex.Problems, p => p.Kind == kind);

    private static Dictionary<string, object?> ConnectionTree() => new()
    {
        ["Name"] = "W",
        ["ScimUrl"] = "https://api.aquera.io/scim/t/a",
        ["AuthenticationMethod"] = "BearerToken",
        ["State"] = "Enabled",
    };

    private static AqueraConfigurationException RefusedTree(Dictionary<string, object?> connection)
    {
        var tree = new Dictionary<string, object?> { ["SchemaVersion"] = 1, ["Connections"] = new List<object?> { connection } };
        var ex = Assert.Throws<AqueraConfigurationException>(() => ConfigurationReader.FromTree(tree, "prod.psd1"));
        Assert.Equal(ErrorIds.InvalidConfigurationFile, ex.ErrorId);
        return ex;
    }

    private static string Connection(string extra, string name = "Workday") =>
        "{ \"Name\": \"" + name + "\", \"ScimUrl\": \"https://api.aquera.io/scim/t/a\", \"AuthenticationMethod\": \"BearerToken\", \"State\": \"Enabled\"" + extra + " }";

    private static string WithConnections(params string[] connections) => "{ \"SchemaVersion\": 1, \"Connections\": [" + string.Join(",", connections) + "] }";

    private static string WithRules(params string[] rules) => "{ \"SchemaVersion\": 1, \"Rules\": [" + string.Join(",", rules) + "] }";

    [Fact]
    public void Every_problem_in_a_file_is_reported_at_once_with_its_item_and_key()
    {
        string json = """
            {
              "SchemaVersion": 1,
              "Colour": "blue",
              "Connections": [
                { "Name": "Workday", "ScimUrl": "https://api.aquera.io/scim/t/a", "AuthenticationMethod": "Bearer", "State": "Enabled", "Token": "x" },
                { "Name": "ServiceNow", "ScimUrl": "ftp://example.com/scim", "AuthenticationMethod": "BasicAuth", "AllowCreate": "yes" },
                { "Name": "workday", "ScimUrl": "https://api.aquera.io/scim/t/b", "AuthenticationMethod": "BearerToken", "BasicAuthUser": "svc", "State": "Enabled", "Secret": "vault:x" }
              ],
              "Rules": [
                { "Name": "Sales", "Connection": "Workday", "State": "On", "Populations": ["Default", 5],
                  "Mappings": [ { "Target": "userName", "Source": "username", "Expression": "user.username" }, { "Target": "title" }, { "Target": "USERNAME", "Source": "email" } ] },
                "not a rule"
              ]
            }
            """;

        AqueraConfigurationException ex = Refused(json);

        string[] expected =
        {
            "Colour: UnknownKey",
            "Connections[0] 'Workday' AuthenticationMethod: InvalidValue",
            "Connections[0] 'Workday' Token: UnknownKey",
            "Connections[1] 'ServiceNow' ScimUrl: InvalidValue",
            "Connections[1] 'ServiceNow' BasicAuthUser: MissingKey",
            "Connections[1] 'ServiceNow' AllowCreate: WrongType",
            "Connections[1] 'ServiceNow' State: MissingKey",
            "Connections[2] 'workday' BasicAuthUser: Conflict",
            "Connections[2] 'workday' Secret: InvalidSecretReference",
            "Rules[0] 'Sales' State: InvalidValue",
            "Rules[0] 'Sales' Populations[1]: WrongType",
            "Rules[0] 'Sales' Mappings[0] 'userName' Expression: Conflict",
            "Rules[0] 'Sales' Mappings[1] 'title' Source: MissingKey",
            "Rules[1]: WrongType",
            "Connections[2] 'workday' Name: DuplicateName",
            "Rules[0] 'Sales' Mappings[2] 'USERNAME' Target: DuplicateName",
        };
        Assert.Equal(expected.OrderBy(e => e, StringComparer.Ordinal), ex.Problems.Select(p => p.Location + ": " + p.Kind).OrderBy(e => e, StringComparer.Ordinal));
        Assert.StartsWith("The configuration file 'prod.json' has 16 problems:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Connections[0] 'Workday' AuthenticationMethod: 'Bearer' is not one of BasicAuth, BearerToken.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scim_url_carrying_a_user_and_password_is_refused_for_the_file_without_repeating_them()
    {
        string connection = "{ \"Name\": \"Workday\", \"ScimUrl\": \"https://svc:Pw-7f3a91c2@api.aquera.io/scim/t/a\", \"AuthenticationMethod\": \"BearerToken\", \"State\": \"Enabled\" }";

        ConfigurationProblem problem = Only(Refused(WithConnections(connection)), ConfigurationProblemKind.InvalidValue);

        Assert.Equal("ScimUrl", problem.Key);
        Assert.Equal("must not contain a user name or password; the credential belongs where the Secret key points.", problem.Message);
        Assert.DoesNotContain("Pw-7f3a91c2", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_lists_the_keys_there_are()
    {
        ConfigurationProblem problem = Only(Refused(WithConnections(Connection(", \"BearerToken\": \"abc\""))), ConfigurationProblemKind.UnknownKey);

        Assert.Equal("BearerToken", problem.Key);
        Assert.Contains("The keys are Name, Description, ScimUrl, AuthenticationMethod, BasicAuthUser, Secret,", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("abc", problem.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("State", "Active", "Enabled, Disabled")]
    [InlineData("RemoveAction", "Remove", "Disable, Delete")]
    [InlineData("GroupNameSource", "CN", "CommonName, DistinguishedName")]
    [InlineData("AuthenticationMethod", "1", "BasicAuth, BearerToken")]
    public void A_wrong_enum_value_names_the_allowed_ones(string key, string value, string allowed)
    {
        Dictionary<string, object?> connection = ConnectionTree();
        connection[key] = value;

        ConfigurationProblem problem = Only(RefusedTree(connection), ConfigurationProblemKind.InvalidValue);

        Assert.Equal(key, problem.Key);
        Assert.Equal("'" + value + "' is not one of " + allowed + ".", problem.Message);
    }

    public static TheoryData<string, object, string, string> WrongTypes => new()
    {
        { "AllowCreate", 1, "a boolean", "a number" },
        { "AllowUpdate", "true", "a boolean", "a string" },
        { "Description", new List<object?> { "a" }, "a string", "a list" },
        { "Name", new Dictionary<string, object?> { ["x"] = 1 }, "a string", "a table" },
        { "ScimUrl", true, "a string", "a boolean" },
    };

    [Theory]
    [MemberData(nameof(WrongTypes))]
    public void A_value_of_the_wrong_type_says_what_was_expected_and_what_was_found(string key, object value, string expected, string found)
    {
        Dictionary<string, object?> connection = ConnectionTree();
        connection[key] = value;

        ConfigurationProblem problem = Only(RefusedTree(connection), ConfigurationProblemKind.WrongType);

        Assert.Equal(key, problem.Key);
        Assert.StartsWith("must be " + expected, problem.Message, StringComparison.Ordinal);
        Assert.EndsWith("not " + found + ".", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"Connections\": [] }", "SchemaVersion")]
    [InlineData("{ \"SchemaVersion\": 1, \"Connections\": [ { \"Name\": \"W\", \"AuthenticationMethod\": \"BearerToken\", \"State\": \"Enabled\" } ] }", "ScimUrl")]
    [InlineData("{ \"SchemaVersion\": 1, \"Connections\": [ { \"ScimUrl\": \"https://a.example/s\", \"AuthenticationMethod\": \"BearerToken\", \"State\": \"Enabled\" } ] }", "Name")]
    [InlineData("{ \"SchemaVersion\": 1, \"Rules\": [ { \"Name\": \"R\", \"State\": \"Enabled\" } ] }", "Connection")]
    [InlineData("{ \"SchemaVersion\": 1, \"Rules\": [ { \"Name\": \"R\", \"Connection\": \"C\" } ] }", "State")]
    [InlineData("{ \"SchemaVersion\": 1, \"Rules\": [ { \"Name\": \"R\", \"Connection\": \"C\", \"State\": \"Enabled\", \"Mappings\": [ { \"Source\": \"x\" } ] } ] }", "Target")]
    public void A_missing_required_key_is_named(string json, string key)
    {
        Assert.Equal(key, Only(Refused(json), ConfigurationProblemKind.MissingKey).Key);
    }

    [Fact]
    public void An_unknown_schema_version_is_the_only_problem_reported()
    {
        AqueraConfigurationException ex = Refused("{ \"SchemaVersion\": 2, \"Connections\": [ { \"Name\": \"W\", \"Rotation\": \"daily\" } ], \"Tags\": [] }");

        ConfigurationProblem problem = Assert.Single(ex.Problems);
        Assert.Equal(ConfigurationProblemKind.UnknownSchemaVersion, problem.Kind);
        Assert.Equal("SchemaVersion 2 is not known; this version of the module reads SchemaVersion 1.", problem.Message);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("\"1\"")]
    public void A_schema_version_that_is_not_a_whole_number_is_the_wrong_type(string value)
    {
        Assert.Equal(ConfigurationKeys.SchemaVersion, Only(Refused("{ \"SchemaVersion\": " + value + " }"), ConfigurationProblemKind.WrongType).Key);
    }

    [Fact]
    public void Rule_names_are_unique_without_regard_to_case_and_the_second_names_the_first()
    {
        AqueraConfigurationException ex = Refused(WithRules(
            "{ \"Name\": \"Sales\", \"Connection\": \"C\", \"State\": \"Enabled\" }",
            "{ \"Name\": \"SALES\", \"Connection\": \"C\", \"State\": \"Enabled\", \"Populations\": [\"Default\", \"default\"], \"Groups\": [\"A\", \"a\"] }"));

        Assert.Collection(
            ex.Problems.Where(p => p.Kind == ConfigurationProblemKind.DuplicateName),
            p => Assert.Equal(("Rules[1] 'SALES'", "Name", "'SALES' is also used by Rules[0] 'Sales' (names are not case-sensitive)."), (p.Item, p.Key, p.Message)),
            p => Assert.Equal(("Rules[1] 'SALES'", "Populations"), (p.Item, p.Key)),
            p => Assert.Equal(("Rules[1] 'SALES'", "Groups"), (p.Item, p.Key)));
    }

    [Fact]
    public void A_key_written_twice_in_one_json_object_is_reported_not_silently_resolved()
    {
        AqueraConfigurationException ex = Refused(WithConnections(Connection(", \"state\": \"Disabled\"")));

        ConfigurationProblem problem = Only(ex, ConfigurationProblemKind.DuplicateKey);
        Assert.Equal(("Connections[0]", "state"), (problem.Item, problem.Key));
    }

    [Fact]
    public void Json_that_does_not_parse_is_a_syntax_problem_with_line_and_column()
    {
        AqueraConfigurationException ex = Refused("{\n  \"SchemaVersion\": 1,\n  \"Connections\": [ { \"Name\": \"W\" ] \n}");

        ConfigurationProblem problem = Only(ex, ConfigurationProblemKind.Syntax);
        Assert.Equal(3, problem.Line);
        Assert.NotNull(problem.Column);
        Assert.StartsWith("is not valid JSON: ", problem.Message, StringComparison.Ordinal);
        Assert.Contains("(line 3, column", problem.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "a list")]
    [InlineData("\"text\"", "a string")]
    [InlineData("null", "null")]
    public void A_document_that_is_not_a_table_says_what_it_is(string json, string found)
    {
        ConfigurationProblem problem = Only(Refused(json), ConfigurationProblemKind.WrongType);

        Assert.Equal(string.Empty, problem.Item);
        Assert.EndsWith("not " + found + ".", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://api.aquera.io/scim/t/a")]
    [InlineData("scim/t/a")]
    [InlineData("https://svc:Xq7-s3cr3t@api.aquera.io/scim")]
    public void A_scim_url_the_connection_rules_refuse_is_refused_in_a_file_too(string url)
    {
        ConfigurationProblem problem = Only(Refused(WithConnections(Connection(string.Empty).Replace("https://api.aquera.io/scim/t/a", url, StringComparison.Ordinal))), ConfigurationProblemKind.InvalidValue);

        Assert.Equal("ScimUrl", problem.Key);
        Assert.DoesNotContain("Xq7-s3cr3t", problem.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("-Credential", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_and_descriptions_over_the_limits_are_refused()
    {
        string name = new string('n', AqueraInput.MaxNameLength + 1);
        string description = new string('d', AqueraInput.MaxDescriptionLength + 1);

        AqueraConfigurationException ex = Refused(WithConnections(Connection(", \"Description\": \"" + description + "\"", name)));

        Assert.Equal(new[] { "Name", "Description" }, ex.Problems.Select(p => p.Key));
        Assert.All(ex.Problems, p => Assert.Equal(ConfigurationProblemKind.InvalidValue, p.Kind));
    }

    [Fact]
    public void Problems_in_a_tree_name_the_file_they_came_from()
    {
        var tree = new Dictionary<string, object?> { ["SchemaVersion"] = 1, ["Connections"] = new List<object?> { "Workday" } };

        var ex = Assert.Throws<AqueraConfigurationException>(() => ConfigurationReader.FromTree(tree, "./prod.psd1"));

        Assert.Equal("./prod.psd1: Connections[0]: must be a table (@{ ... } in a .psd1 file, { ... } in a .json file), not a string.", Assert.Single(ex.Problems).ToString());
    }
}

using System;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Unit.Configuration;

public class ConfigurationWriterTests
{
    [Fact]
    public void Json_written_and_read_back_is_the_same_document_awkward_strings_included()
    {
        AqueraConfiguration original = ConfigurationSamples.Rich();
        string json = ConfigurationWriter.ToJson(original);

        AqueraConfiguration read = ConfigurationReader.FromJson(json);

        Assert.Equal(json, ConfigurationWriter.ToJson(read));
        Assert.Equal(original.Connections[0].Description, read.Connections[0].Description);
        Assert.Equal(original.Rules[0].Filter, read.Rules[0].Filter);
        Assert.False(ConfigurationPlanner.Plan(read, original).HasChanges);
    }

    [Fact]
    public void Json_keeps_schema_key_order_writes_enums_by_name_and_leaves_out_keys_without_a_value()
    {
        string json = ConfigurationWriter.ToJson(ConfigurationSamples.Rich());
        using JsonDocument parsed = JsonDocument.Parse(json);
        JsonElement root = parsed.RootElement;

        Assert.Equal(new[] { "SchemaVersion", "Connections", "Rules" }, root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, root.GetProperty("SchemaVersion").GetInt32());
        JsonElement bearer = root.GetProperty("Connections")[0];
        Assert.Equal(
            new[] { "Name", "Description", "ScimUrl", "AuthenticationMethod", "Secret", "AllowCreate", "AllowUpdate", "AllowDisable", "RemoveAction", "DeprovisionOnRuleDeletion", "State" },
            bearer.EnumerateObject().Select(p => p.Name));
        Assert.Equal("BearerToken", bearer.GetProperty("AuthenticationMethod").GetString());
        Assert.Equal("Enabled", bearer.GetProperty("State").GetString());
        JsonElement basic = root.GetProperty("Connections")[1];
        Assert.Equal("svc.o'brien", basic.GetProperty("BasicAuthUser").GetString());
        Assert.Equal("DistinguishedName", basic.GetProperty("GroupNameSource").GetString());
        JsonElement rule = root.GetProperty("Rules")[0];
        Assert.Equal(new[] { "Name", "Connection", "Description", "State", "Populations", "Groups", "Filter", "Mappings" }, rule.EnumerateObject().Select(p => p.Name));
        JsonElement[] mappings = rule.GetProperty("Mappings").EnumerateArray().ToArray();
        Assert.Equal(new[] { "Target", "Source" }, mappings[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(new[] { "Target", "Expression" }, mappings[2].EnumerateObject().Select(p => p.Name));
        Assert.Equal("Group", mappings[4].GetProperty("Type").GetString());
    }

    [Fact]
    public void Json_is_indented_with_lf_line_ends_and_keeps_non_ascii_readable()
    {
        string json = ConfigurationWriter.ToJson(ConfigurationSamples.Rich());

        Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
        Assert.StartsWith("{\n  \"SchemaVersion\": 1,\n  \"Connections\": [\n", json, StringComparison.Ordinal);
        Assert.Contains("Zürich 東京", json, StringComparison.Ordinal);
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_psd1_file_is_one_hashtable_of_constant_data_under_a_header_that_says_it_holds_no_secret()
    {
        string psd1 = ConfigurationWriter.ToPowerShellDataFile(ConfigurationSamples.Rich());
        string[] lines = psd1.Split('\n');

        Assert.All(lines.TakeWhile(l => !l.StartsWith('@')), l => Assert.StartsWith("# ", l, StringComparison.Ordinal));
        Assert.Contains("holds no secret", psd1, StringComparison.Ordinal);
        Assert.Contains("about_AqueraConfiguration", psd1, StringComparison.Ordinal);
        Assert.DoesNotContain("\r\n", psd1.Replace("\r\nsecond", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("\n@{\n    SchemaVersion = 1\n    Connections = @(\n        @{\n            Name = 'Workday via Aquera'\n", psd1, StringComparison.Ordinal);
        Assert.Contains("            AllowCreate = $true\n            AllowUpdate = $true\n            AllowDisable = $false\n", psd1, StringComparison.Ordinal);
        Assert.Contains("            Populations = @('Default', 'Contractors')\n", psd1, StringComparison.Ordinal);
        Assert.Contains("                @{ Target = 'displayName'; Expression = 'user.name.given + '' '' + user.name.family' }\n", psd1, StringComparison.Ordinal);
        Assert.Contains("            Mappings = @()\n", psd1, StringComparison.Ordinal);
        Assert.EndsWith("\n}\n", psd1, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("it's", "'it''s'")]
    [InlineData("‘curly’ ‚low‛", "'‘‘curly’’ ‚‚low‛‛'")]
    [InlineData("$HOME $(Get-Date) `n \"x\"", "'$HOME $(Get-Date) `n \"x\"'")]
    [InlineData("", "''")]
    public void Psd1_strings_are_single_quoted_with_every_kind_of_single_quote_doubled(string value, string expected)
    {
        Assert.Equal(expected, ConfigurationPsd1Writer.Quote(value));
    }

    [Fact]
    public void The_same_document_is_always_the_same_text_whatever_order_it_was_built_in()
    {
        AqueraConfiguration a = ConfigurationSamples.Document(ConfigurationSamples.Bearer("B"), ConfigurationSamples.Bearer("a"), ConfigurationSamples.Rule("r", "a", ("x", "y"), ("userName", "username")));
        AqueraConfiguration b = ConfigurationSamples.Document(ConfigurationSamples.Bearer("a"), ConfigurationSamples.Bearer("B"), ConfigurationSamples.Rule("r", "a", ("userName", "username"), ("x", "y")));
        a.SortByName();
        b.SortByName();

        Assert.Equal(ConfigurationWriter.ToPowerShellDataFile(a), ConfigurationWriter.ToPowerShellDataFile(b));
        Assert.Equal(ConfigurationWriter.ToJson(a), ConfigurationWriter.ToJson(b));
    }

    [Fact]
    public void A_document_without_secret_references_is_written_with_the_defaults_it_would_get_on_reading()
    {
        AqueraConfiguration document = ConfigurationSamples.Document(ConfigurationSamples.Bearer("Work Day"), ConfigurationSamples.Bearer("Work-Day"));

        string json = ConfigurationWriter.ToJson(document);

        Assert.Contains("\"Secret\": \"env:AQUERA_SECRET_WORK_DAY\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Secret\": \"env:AQUERA_SECRET_WORK_DAY_2\"", json, StringComparison.Ordinal);
        Assert.All(document.Connections, c => Assert.Null(c.Secret));
    }
}

using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using AqueraProvisioning.Core;
using AqueraProvisioning.Core.Tests.Unit.Configuration;
using AqueraProvisioning.Internal;
using Xunit;

namespace AqueraProvisioning.Cmdlets.Tests;

/// <summary>
/// The .psd1 format with PowerShell's real parser: what the writer produces reads back to the same document, both
/// through the module's reader and through Import-PowerShellDataFile, and nothing in a file ever runs.
/// </summary>
public sealed class ConfigurationDataFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "aquera-config-" + Guid.NewGuid().ToString("N"));

    public ConfigurationDataFileTests()
    {
        Directory.CreateDirectory(_folder);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static AqueraConfigurationException Refused(string psd1)
    {
        var ex = Assert.Throws<AqueraConfigurationException>(() => ConfigurationDataFile.Read(psd1, "bad.psd1"));
        Assert.Equal(ErrorIds.InvalidConfigurationFile, ex.ErrorId);
        return ex;
    }

    private static Hashtable ImportPowerShellDataFile(string path)
    {
        using PowerShell ps = PowerShell.Create();
        ps.AddCommand("Import-PowerShellDataFile").AddParameter("LiteralPath", path);
        Hashtable table = Assert.IsType<Hashtable>(Assert.Single(ps.Invoke()).BaseObject);
        Assert.False(ps.HadErrors);
        return table;
    }

    [Fact]
    public void A_written_psd1_reads_back_through_the_PowerShell_parser_as_the_same_document()
    {
        AqueraConfiguration original = ConfigurationSamples.Rich();

        AqueraConfiguration read = ConfigurationDataFile.Read(ConfigurationWriter.ToPowerShellDataFile(original), "rich.psd1");

        Assert.Equal(ConfigurationWriter.ToJson(original), ConfigurationWriter.ToJson(read));
        Assert.Equal(original.Connections[0].Description, read.Connections[0].Description);
        Assert.Equal("svc.o'brien", read.Connections[1].BasicAuthUser);
        Assert.Equal(original.Rules[0].Mappings[2].Expression, read.Rules[0].Mappings[2].Expression);
    }

    [Fact]
    public void Import_PowerShellDataFile_reads_a_written_file_to_the_same_document()
    {
        AqueraConfiguration original = ConfigurationSamples.Rich();
        string path = Path.Combine(_folder, "rich.psd1");
        ConfigurationFile.Write(original, path);

        AqueraConfiguration read = ConfigurationReader.FromTree(ImportPowerShellDataFile(path), path);

        Assert.Equal(ConfigurationWriter.ToJson(original), ConfigurationWriter.ToJson(read));
    }

    [Fact]
    public void The_psd1_and_json_files_of_one_document_read_as_equal_documents()
    {
        AqueraConfiguration original = ConfigurationSamples.Rich();
        string psd1 = Path.Combine(_folder, "config.psd1");
        string json = Path.Combine(_folder, "config.JSON");
        ConfigurationFile.Write(original, psd1);
        ConfigurationFile.Write(original, json);

        AqueraConfiguration fromPsd1 = ConfigurationDataFile.ReadFile(psd1);
        AqueraConfiguration fromJson = ConfigurationDataFile.ReadFile(json);

        Assert.Equal(ConfigurationWriter.ToJson(fromJson), ConfigurationWriter.ToJson(fromPsd1));
        Assert.False(ConfigurationPlanner.Plan(fromPsd1, fromJson, new ConfigurationPlanOptions { Prune = true }).HasChanges);
        byte[] psd1Bytes = File.ReadAllBytes(psd1);
        byte[] jsonBytes = File.ReadAllBytes(json);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, psd1Bytes.Take(3));
        Assert.Equal((byte)'{', jsonBytes[0]);
        Assert.Equal(ConfigurationWriter.ToJson(original), Encoding.UTF8.GetString(jsonBytes));
    }

    [Fact]
    public void Writing_over_an_existing_file_replaces_it_and_leaves_no_temporary_file()
    {
        string path = Path.Combine(_folder, "config.psd1");
        File.WriteAllText(path, "old");

        ConfigurationFile.Write(ConfigurationSamples.Rich(), path);

        Assert.Equal(new[] { path }, Directory.GetFiles(_folder));
        Assert.StartsWith("# Aquera provisioning configuration", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Name = $(Set-Content -LiteralPath '{marker}' -Value ran)", "a subexpression $( )")]
    [InlineData("Name = (Set-Content -LiteralPath '{marker}' -Value ran)", "a command")]
    [InlineData("Name = Set-Content -LiteralPath '{marker}' -Value ran", "a command")]
    [InlineData("Name = \"$(Set-Content -LiteralPath '{marker}' -Value ran)\"", "a string that expands a variable or a subexpression")]
    [InlineData("Name = @{ X = [scriptblock]::Create(\"Set-Content -LiteralPath '{marker}' -Value ran\").Invoke() }", "a method call")]
    public void Nothing_in_a_file_runs_and_what_is_not_constant_data_is_reported_with_its_line(string line, string kind)
    {
        string marker = Path.Combine(_folder, "ran.txt");
        string psd1 = "@{\n    SchemaVersion = 1\n    Connections = @(\n        @{\n            " + line.Replace("{marker}", marker, StringComparison.Ordinal) + "\n        }\n    )\n}\n";

        AqueraConfigurationException ex = Refused(psd1);

        Assert.False(File.Exists(marker), "the file's code ran");
        ConfigurationProblem problem = Assert.Single(ex.Problems);
        Assert.Equal(ConfigurationProblemKind.Syntax, problem.Kind);
        Assert.Equal(5, problem.Line);
        Assert.Contains("is not constant data", problem.Message, StringComparison.Ordinal);
        Assert.StartsWith(kind + " is not constant data", problem.Message, StringComparison.Ordinal);
        Assert.Contains("bad.psd1: (line 5, column ", problem.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Secret = $env:AQUERA_TOKEN", "a variable")]
    [InlineData("Secret = \"$HOME\"", "a string that expands a variable or a subexpression")]
    [InlineData("State = [string]'Enabled'", "a cast")]
    [InlineData("AllowCreate = -not $false", "an operator")]
    public void Variables_expansions_casts_and_operators_are_not_data(string line, string kind)
    {
        AqueraConfigurationException ex = Refused("@{ SchemaVersion = 1; Connections = @( @{ " + line + " } ) }");

        Assert.Contains(ex.Problems, p => p.Kind == ConfigurationProblemKind.Syntax && p.Message.Contains("is not constant data", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Message.StartsWith(kind + " is not constant data", StringComparison.Ordinal));
    }

    [Fact]
    public void A_command_with_a_secret_in_it_is_named_as_a_command_and_its_text_is_not_quoted()
    {
        const string Token = "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXRva2Vu.qX7mZ2d4";
        string psd1 = "@{\n    SchemaVersion = 1\n    Connections = @(\n        @{\n            Secret = ConvertTo-SecureString '" + Token + "' -AsPlainText -Force\n        }\n    )\n}\n";

        AqueraConfigurationException ex = Refused(psd1);

        ConfigurationProblem problem = Assert.Single(ex.Problems);
        Assert.StartsWith("a command is not constant data", problem.Message, StringComparison.Ordinal);
        Assert.Equal(5, problem.Line);
        Assert.Equal(22, problem.Column);
        foreach (string text in new[] { problem.Message, problem.ToString(), ex.Message })
        {
            Assert.DoesNotContain("eyJ", text, StringComparison.Ordinal);
            Assert.DoesNotContain("ConvertTo-SecureString", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Double_quoted_strings_without_variables_here_strings_and_comments_are_constant_data()
    {
        string psd1 = string.Join('\n',
            "# a comment",
            "@{",
            "    SchemaVersion = 1 # trailing comment",
            "    <# block comment #>",
            "    Connections = @(",
            "        @{",
            "            Name = \"Work`tday\"",
            "            Description = @'",
            "first line, it's $literal",
            "second line",
            "'@",
            "            ScimUrl = 'https://api.aquera.io/scim/t/a'; AuthenticationMethod = 'BearerToken'",
            "            State = 'Enabled'",
            "            AllowCreate = $TRUE",
            "        }",
            "    )",
            "    Rules = ,@{ Name = 'R'; Connection = \"Work`tday\"; State = 'Disabled'; Populations = 'Default', 'Contractors' }",
            "}");

        AqueraConfiguration document = ConfigurationDataFile.Read(psd1, "ok.psd1");

        Assert.Equal("Work\tday", document.Connections[0].Name);
        Assert.Equal("first line, it's $literal\nsecond line", document.Connections[0].Description.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.True(document.Connections[0].AllowCreate);
        Assert.Equal(new[] { "Default", "Contractors" }, document.Rules[0].Populations);
    }

    [Theory]
    [InlineData("@{ SchemaVersion = 1; Connections = @( }", 1)]
    [InlineData("@{\n  SchemaVersion = 1\n  Rules = @()\n  rules = @()\n}", 4)]
    [InlineData("@{\n  SchemaVersion = 1\n  Name = 'unterminated\n}", 3)]
    public void A_file_PowerShell_cannot_parse_is_reported_with_the_parsers_line(string psd1, int line)
    {
        ConfigurationProblem problem = Refused(psd1).Problems[0];

        Assert.Equal(ConfigurationProblemKind.Syntax, problem.Kind);
        Assert.Equal(line, problem.Line);
        Assert.StartsWith("is not valid PowerShell: ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parse_error_does_not_repeat_the_token_it_stopped_at()
    {
        ConfigurationProblem problem = Refused("@{\n  SchemaVersion = 1\n  Secret = 'env:X' 'tok-7Qx91LmZp0'\n}").Problems[0];

        Assert.Equal(ConfigurationProblemKind.Syntax, problem.Kind);
        Assert.Equal(3, problem.Line);
        Assert.StartsWith("is not valid PowerShell: Unexpected token", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("tok-7Qx91LmZp0", problem.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("'just a string'")]
    [InlineData("@{ SchemaVersion = 1 }\n@{ SchemaVersion = 1 }")]
    [InlineData("param($x)\n@{ SchemaVersion = 1 }")]
    [InlineData("")]
    public void A_file_must_be_one_hashtable_and_nothing_else(string psd1)
    {
        ConfigurationProblem problem = Assert.Single(Refused(psd1).Problems);

        Assert.Equal("must hold one hashtable @{ ... } and nothing else (comments aside).", problem.Message);
    }

    [Fact]
    public void A_large_file_beyond_Import_PowerShellDataFiles_default_limits_reads()
    {
        AqueraConfiguration original = ConfigurationSamples.Document(ConfigurationSamples.Bearer("HR"));
        for (int i = 0; i < 600; i++)
        {
            original.Rules.Add(ConfigurationSamples.Rule("Rule " + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture), "HR", ("userName", "username"), ("name.givenName", "name.given")));
        }

        AqueraConfiguration read = ConfigurationDataFile.Read(ConfigurationWriter.ToPowerShellDataFile(original), "large.psd1");

        Assert.Equal(600, read.Rules.Count);
        Assert.Equal(ConfigurationWriter.ToJson(original), ConfigurationWriter.ToJson(read));
    }

    [Fact]
    public void Reading_a_missing_file_is_its_own_error_and_an_unknown_extension_another()
    {
        var missing = Assert.Throws<AqueraConfigurationException>(() => ConfigurationDataFile.ReadFile(Path.Combine(_folder, "absent.psd1")));
        var yaml = Assert.Throws<AqueraConfigurationException>(() => ConfigurationDataFile.ReadFile(Path.Combine(_folder, "config.yaml")));

        Assert.Equal(ErrorIds.ConfigurationFileUnavailable, missing.ErrorId);
        Assert.EndsWith("absent.psd1' does not exist", missing.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorIds.UnsupportedConfigurationFormat, yaml.ErrorId);
    }

    [Fact]
    public void A_file_that_is_not_UTF8_is_unavailable_rather_than_misread()
    {
        string path = Path.Combine(_folder, "latin1.json");
        File.WriteAllBytes(path, new byte[] { (byte)'{', (byte)'"', 0xE9, (byte)'"', (byte)':', (byte)'1', (byte)'}' });

        Assert.Equal(ErrorIds.ConfigurationFileUnavailable, Assert.Throws<AqueraConfigurationException>(() => ConfigurationDataFile.ReadFile(path)).ErrorId);
    }
}

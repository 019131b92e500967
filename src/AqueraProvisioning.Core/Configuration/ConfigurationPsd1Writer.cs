using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace AqueraProvisioning.Core;

/// <summary>
/// Writes a document as a PowerShell data file: one hashtable of constant data (single-quoted strings, $true and
/// $false, @( ) lists), which Import-PowerShellDataFile reads without running anything. Lines end in LF and keys
/// come in schema order, so the same document is always the same text.
/// </summary>
internal static class ConfigurationPsd1Writer
{
    private const string Indent = "    ";

    public static string Write(AqueraConfiguration document)
    {
        var text = new StringBuilder();
        text.Append("# Aquera provisioning configuration, SchemaVersion ").Append(document.SchemaVersion.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append("# Connections, their outbound rules and attribute mappings (Get-Help about_AqueraConfiguration).\n");
        text.Append("# It holds no secret: each connection's Secret names where its secret is found (env:NAME,\n");
        text.Append("# secret:NAME or a NAME supplied with the import). Constant data only: reading it runs nothing.\n");
        text.Append("@{\n");
        text.Append(Indent).Append(ConfigurationKeys.SchemaVersion).Append(" = ").Append(document.SchemaVersion.ToString(CultureInfo.InvariantCulture)).Append('\n');
        IReadOnlyList<ConfigurationSecretReference> secrets = ConfigurationFields.SecretsOf(document);
        WriteTables(text, ConfigurationKeys.Connections, document.Connections.Select((c, i) => ConfigurationFields.Of(c, secrets[i])), 1);
        WriteTables(text, ConfigurationKeys.Rules, document.Rules.Select(ConfigurationFields.Of), 1);
        text.Append("}\n");
        return text.ToString();
    }

    /// <summary>A single-quoted PowerShell string; every character PowerShell takes for a single quote is doubled.</summary>
    public static string Quote(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('\'');
        foreach (char c in value)
        {
            quoted.Append(c);

            // PowerShell also ends a single-quoted string at the typographic single quotes U+2018 to U+201B.
            if (c == '\'' || (c >= '\u2018' && c <= '\u201B'))
            {
                quoted.Append(c);
            }
        }

        return quoted.Append('\'').ToString();
    }

    private static void WriteTables(StringBuilder text, string key, IEnumerable<IEnumerable<KeyValuePair<string, object>>> tables, int depth)
    {
        string pad = Pad(depth);
        List<IEnumerable<KeyValuePair<string, object>>> items = tables.ToList();
        if (items.Count == 0)
        {
            text.Append(pad).Append(key).Append(" = @()\n");
            return;
        }

        text.Append(pad).Append(key).Append(" = @(\n");
        foreach (IEnumerable<KeyValuePair<string, object>> table in items)
        {
            text.Append(Pad(depth + 1)).Append("@{\n");
            foreach (KeyValuePair<string, object> field in table)
            {
                WriteField(text, field, depth + 2);
            }

            text.Append(Pad(depth + 1)).Append("}\n");
        }

        text.Append(pad).Append(")\n");
    }

    private static void WriteField(StringBuilder text, KeyValuePair<string, object> field, int depth)
    {
        if (field.Value is List<AqueraConfigurationMapping> mappings)
        {
            WriteMappings(text, field.Key, mappings, depth);
            return;
        }

        text.Append(Pad(depth)).Append(field.Key).Append(" = ").Append(Value(field.Value)).Append('\n');
    }

    // One line per mapping: a rule's mappings read as a table of source -> target.
    private static void WriteMappings(StringBuilder text, string key, List<AqueraConfigurationMapping> mappings, int depth)
    {
        if (mappings.Count == 0)
        {
            text.Append(Pad(depth)).Append(key).Append(" = @()\n");
            return;
        }

        text.Append(Pad(depth)).Append(key).Append(" = @(\n");
        foreach (AqueraConfigurationMapping mapping in mappings)
        {
            string fields = string.Join("; ", ConfigurationFields.Of(mapping).Select(f => f.Key + " = " + Value(f.Value)));
            text.Append(Pad(depth + 1)).Append("@{ ").Append(fields).Append(" }\n");
        }

        text.Append(Pad(depth)).Append(")\n");
    }

    private static string Value(object value) => value switch
    {
        bool flag => flag ? "$true" : "$false",
        string s => Quote(s),
        List<string> list => "@(" + string.Join(", ", list.Select(Quote)) + ")",
        _ => Quote(value.ToString() ?? string.Empty),
    };

    private static string Pad(int depth) => string.Concat(Enumerable.Repeat(Indent, depth));
}

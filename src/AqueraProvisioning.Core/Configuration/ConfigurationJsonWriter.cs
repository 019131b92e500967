using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AqueraProvisioning.Core;

/// <summary>
/// Writes a document as indented JSON with the keys in schema order and LF line ends, so the same document is always
/// the same text. Non-ASCII text stays readable rather than \u-escaped; the file is data, never embedded in HTML.
/// </summary>
internal static class ConfigurationJsonWriter
{
    private static readonly JsonWriterOptions s_options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(AqueraConfiguration document)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, s_options))
        {
            writer.WriteStartObject();
            writer.WriteNumber(ConfigurationKeys.SchemaVersion, document.SchemaVersion);
            IReadOnlyList<ConfigurationSecretReference> secrets = ConfigurationFields.SecretsOf(document);
            WriteTables(writer, ConfigurationKeys.Connections, document.Connections.Select((c, i) => ConfigurationFields.Of(c, secrets[i])));
            WriteTables(writer, ConfigurationKeys.Rules, document.Rules.Select(ConfigurationFields.Of));
            writer.WriteEndObject();
        }

        // Utf8JsonWriter ends lines the platform's way; strings escape their own line breaks, so this touches layout only.
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    private static void WriteTables(Utf8JsonWriter writer, string key, IEnumerable<IEnumerable<KeyValuePair<string, object>>> tables)
    {
        writer.WriteStartArray(key);
        foreach (IEnumerable<KeyValuePair<string, object>> table in tables)
        {
            writer.WriteStartObject();
            foreach (KeyValuePair<string, object> field in table)
            {
                WriteField(writer, field);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteField(Utf8JsonWriter writer, KeyValuePair<string, object> field)
    {
        switch (field.Value)
        {
            case bool flag:
                writer.WriteBoolean(field.Key, flag);
                break;
            case List<string> list:
                writer.WriteStartArray(field.Key);
                foreach (string item in list)
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
                break;
            case List<AqueraConfigurationMapping> mappings:
                WriteTables(writer, field.Key, mappings.Select(ConfigurationFields.Of));
                break;
            default:
                writer.WriteString(field.Key, field.Value.ToString());
                break;
        }
    }
}

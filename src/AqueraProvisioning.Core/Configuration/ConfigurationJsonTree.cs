using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace AqueraProvisioning.Core;

/// <summary>
/// Walks a JSON document into the neutral tree the tree reader takes (no reflection, no serializer): objects become
/// case-insensitive tables, arrays lists, and numbers long or double. A key written twice in one object, which
/// JSON parsers silently resolve, is reported instead.
/// </summary>
internal static class ConfigurationJsonTree
{
    private static readonly JsonDocumentOptions s_options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static object? Parse(string json, ConfigurationProblems problems)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json, s_options);
            return Convert(document.RootElement, string.Empty, problems);
        }
        catch (JsonException ex)
        {
            var problem = new ConfigurationProblem(ConfigurationProblemKind.Syntax, problems.File, string.Empty, null, "is not valid JSON: " + FirstSentence(ex.Message))
            {
                Line = ex.LineNumber is long line ? (int)line + 1 : null,
                Column = ex.BytePositionInLine is long column ? (int)column + 1 : null,
            };
            problems.Add(problem);
            return null;
        }
    }

    private static object? Convert(JsonElement element, string path, ConfigurationProblems problems)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var table = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    if (table.ContainsKey(property.Name))
                    {
                        problems.Add(ConfigurationProblemKind.DuplicateKey, path, property.Name, "appears more than once (keys are not case-sensitive).");
                        continue;
                    }

                    table.Add(property.Name, Convert(property.Value, Join(path, property.Name), problems));
                }

                return table;
            case JsonValueKind.Array:
                var list = new List<object?>();
                int index = 0;
                foreach (JsonElement item in element.EnumerateArray())
                {
                    list.Add(Convert(item, path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", problems));
                    index++;
                }

                return list;
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                return element.TryGetInt64(out long whole) ? whole : element.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

    // System.Text.Json appends the path and position, which the problem already carries as line and column.
    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(" Path:", StringComparison.Ordinal);
        int line = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        int cut = end >= 0 && (line < 0 || end < line) ? end : line;
        return (cut >= 0 ? message.Substring(0, cut) : message).Trim();
    }
}

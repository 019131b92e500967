using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace AqueraProvisioning.Core;

/// <summary>
/// Every signal a connection check's body gives (status words, success flags, error objects, error lists, details
/// with failure codes), with the words that explain it, the top level's first; <see cref="ConnectionCheckVerdict"/>
/// weighs them.
/// </summary>
internal sealed class ConnectionCheckSignals
{
    private const int MaxDepth = 3;

    private static readonly string[] s_successWords = { "SUCCESS", "SUCCEEDED", "SUCCESSFUL", "OK", "PASS", "PASSED", "CONNECTED" };

    // A status word or detail code that contains one of these says the test failed.
    private static readonly string[] s_failureFragments = { "FAIL", "ERROR", "INVALID", "UNAUTHORIZED", "FORBIDDEN", "DENIED", "REFUSED", "REJECTED", "TIMEOUT", "TIMED_OUT", "UNREACHABLE", "UNAVAILABLE", "NOT_FOUND", "DISCONNECTED" };

    private string? _message;
    private string? _nestedMessage;
    private string? _detailMessage;

    public bool Failed { get; private set; }

    public bool Passed { get; private set; }

    /// <summary>The first status word seen, such as FAILED.</summary>
    public string? Verdict { get; private set; }

    public List<string> Details { get; } = new List<string>();

    public string? Words => _message ?? _nestedMessage ?? _detailMessage;

    public void Read(JsonElement body, int depth)
    {
        foreach (JsonProperty property in body.EnumerateObject())
        {
            switch (property.Name.ToUpperInvariant())
            {
                case "STATUS":
                case "RESULT":
                case "STATE":
                case "OUTCOME":
                    ReadVerdict(property.Value, depth);
                    break;
                case "SUCCESS":
                case "SUCCEEDED":
                case "PASSED":
                    ReadFlag(property.Value);
                    break;
                case "ERROR":
                    ReadError(property.Value, depth);
                    break;
                case "ERRORS":
                    ReadErrors(property.Value);
                    break;
                case "DETAILS":
                    ReadDetails(property.Value);
                    break;
                case "MESSAGE":
                case "DESCRIPTION":
                case "REASON":
                case "ERROR_DESCRIPTION":
                    Say(Text(property.Value), depth);
                    break;
            }
        }
    }

    private void Say(string? words, int depth)
    {
        if (words is null)
        {
            return;
        }

        if (depth == 0)
        {
            _message ??= words;
        }
        else
        {
            _nestedMessage ??= words;
        }
    }

    private void ReadVerdict(JsonElement value, int depth)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String when Text(value) is string word:
                Verdict ??= word;
                Failed |= IsFailureWord(word);
                Passed |= IsSuccessWord(word);
                break;
            case JsonValueKind.True:
                Passed = true;
                break;
            case JsonValueKind.False:
                Failed = true;
                break;
            case JsonValueKind.Object when depth < MaxDepth:
                Read(value, depth + 1);
                break;
        }
    }

    private void ReadFlag(JsonElement value)
    {
        bool? flag = value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetString(), out bool parsed) => parsed,
            _ => null,
        };
        Passed |= flag == true;
        Failed |= flag == false;
    }

    private void ReadError(JsonElement value, int depth)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object when value.EnumerateObject().Any():
                Failed = true;
                if (depth < MaxDepth)
                {
                    Read(value, depth + 1);
                }

                if (value.TryGetProperty("code", out JsonElement code) && Text(code) is string errorCode)
                {
                    Verdict ??= errorCode;
                }

                break;
            case JsonValueKind.String when Text(value) is string text:
                Failed = true;
                Say(text, depth + 1);
                break;
            case JsonValueKind.True:
                Failed = true;
                break;
        }
    }

    private void ReadErrors(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            return;
        }

        Failed = true;
        foreach (JsonElement item in value.EnumerateArray())
        {
            string? line = Describe(item);
            if (line != null)
            {
                Details.Add(line);
                _nestedMessage ??= MessageOf(item) ?? line;
            }
        }
    }

    private void ReadDetails(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (JsonElement item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("code", out JsonElement code) && Text(code) is string word && IsFailureWord(word))
            {
                Failed = true;
            }

            string? line = Describe(item);
            if (line != null)
            {
                Details.Add(line);
                _detailMessage ??= MessageOf(item) ?? line;
            }
        }
    }

    /// <summary>"target: message" for an object (its code when it has no message), the text of a string.</summary>
    private static string? Describe(JsonElement item)
    {
        if (item.ValueKind == JsonValueKind.String)
        {
            return Text(item);
        }

        if (item.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? words = MessageOf(item) ?? (item.TryGetProperty("code", out JsonElement code) ? Text(code) : null);
        string? target = item.TryGetProperty("target", out JsonElement t) ? Text(t) : null;
        return words is null ? target : target is null ? words : target + ": " + words;
    }

    private static string? MessageOf(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (string key in new[] { "message", "detail", "description", "reason" })
        {
            if (item.TryGetProperty(key, out JsonElement value) && Text(value) is string text)
            {
                return text;
            }
        }

        return null;
    }

    private static bool IsSuccessWord(string word) => s_successWords.Any(w => string.Equals(w, word.Trim(), StringComparison.OrdinalIgnoreCase));

    private static bool IsFailureWord(string word) =>
        s_failureFragments.Any(f => word.IndexOf(f, StringComparison.OrdinalIgnoreCase) >= 0) || word.Trim().StartsWith("UNSUCCESS", StringComparison.OrdinalIgnoreCase);

    private static string? Text(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()) ? value.GetString()!.Trim() : null;
}

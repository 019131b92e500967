using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace AqueraProvisioning.Core;

/// <summary>
/// What PingOne's connection check said. Its answer is undocumented (API Q1), so this reads any shape: a test
/// passed only on an explicit success signal or an empty 2xx; a failure signal anywhere wins over a success one;
/// anything else is a failure that quotes the service's own words, never a guess that Aquera was reached.
/// </summary>
internal sealed class ConnectionCheckVerdict
{
    private const int MaxDepth = 3;

    private static readonly string[] s_successWords = { "SUCCESS", "SUCCEEDED", "SUCCESSFUL", "OK", "PASS", "PASSED", "CONNECTED" };

    // A status word or detail code that contains one of these says the test failed.
    private static readonly string[] s_failureFragments = { "FAIL", "ERROR", "INVALID", "UNAUTHORIZED", "FORBIDDEN", "DENIED", "REFUSED", "REJECTED", "TIMEOUT", "TIMED_OUT", "UNREACHABLE", "UNAVAILABLE", "NOT_FOUND", "DISCONNECTED" };

    private ConnectionCheckVerdict(bool success, string message, IReadOnlyList<string> details)
    {
        Success = success;
        Message = Redactor.RedactText(message);
        Details = details.Select(Redactor.RedactText).ToList();
    }

    public bool Success { get; }

    public string Message { get; }

    /// <summary>Field-level details, as "target: message".</summary>
    public IReadOnlyList<string> Details { get; }

    /// <summary>The verdict of a 2xx answer: <paramref name="body"/> is null when it had none.</summary>
    public static ConnectionCheckVerdict FromAnswer(int status, JsonElement? body)
    {
        if (body is null || IsEmpty(body.Value))
        {
            return new ConnectionCheckVerdict(true, "PingOne reached Aquera with these credentials.", Array.Empty<string>());
        }

        var signals = new Signals();
        if (body.Value.ValueKind == JsonValueKind.Object)
        {
            signals.Read(body.Value, 0);
        }

        string? words = signals.Words;
        if (signals.Failed)
        {
            return new ConnectionCheckVerdict(false, words ?? "PingOne reported the test as failed" + (signals.Verdict is null ? "." : " (" + signals.Verdict + ")."), signals.Details);
        }

        if (signals.Passed)
        {
            return new ConnectionCheckVerdict(true, words ?? "PingOne reached Aquera with these credentials.", signals.Details);
        }

        string unclear = string.Format(CultureInfo.InvariantCulture, "PingOne answered {0} without a result the module understands", status);
        return new ConnectionCheckVerdict(false, words is null ? unclear + "." : unclear + ": " + words, signals.Details);
    }

    /// <summary>
    /// The verdict of a refused check, or null when the refusal says nothing about Aquera: the token, the role, the
    /// environment or the rate limit (401, 403, 404, 429), an answer that could not be read, PingOne itself failing
    /// (5xx) or not answering. A 400, 422 or other 4xx is the test failing, in PingOne's words.
    /// </summary>
    public static ConnectionCheckVerdict? FromRefusal(PingOneApiException failure)
    {
        if (failure.StatusCode < 400 || failure.StatusCode >= 500 || failure.StatusCode is 401 or 403 or 404 or 429 || failure.IsTokenRequest || failure.IsInvalidResponse)
        {
            return null;
        }

        return new ConnectionCheckVerdict(false, failure.ApiMessage ?? failure.Message, failure.Details.Select(d => d.ToString()).ToList());
    }

    private static bool IsEmpty(JsonElement body) =>
        body.ValueKind == JsonValueKind.Null || (body.ValueKind == JsonValueKind.Object && !body.EnumerateObject().Any());

    private static bool IsSuccessWord(string word) => s_successWords.Any(w => string.Equals(w, word.Trim(), StringComparison.OrdinalIgnoreCase));

    private static bool IsFailureWord(string word) =>
        s_failureFragments.Any(f => word.IndexOf(f, StringComparison.OrdinalIgnoreCase) >= 0) || word.Trim().StartsWith("UNSUCCESS", StringComparison.OrdinalIgnoreCase);

    private static string? Text(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()) ? value.GetString()!.Trim() : null;

    /// <summary>Every signal a body gives, with the words that explain it, the top level's first.</summary>
    private sealed class Signals
    {
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
    }
}

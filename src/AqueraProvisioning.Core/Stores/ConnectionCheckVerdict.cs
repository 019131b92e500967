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

        var signals = new ConnectionCheckSignals();
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
}

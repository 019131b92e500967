using System;

namespace AqueraProvisioning.Sandbox;

/// <summary>The words the command line and the control API use for the enum knobs.</summary>
internal static class SettingNames
{
    public static readonly KnobWords<ConnectionCheckFailureMode> FailureModes =
        new("error", "body", "failed", "successFalse", "nestedError", "errors", "unprocessable", "unexplained");

    public static readonly KnobWords<ConnectionCheckSuccessMode> SuccessModes =
        new("status", "empty", "noContent", "successTrue", "result");

    public static readonly KnobWords<ScimAnswerMode> ScimAnswers = new("normal", "html", "nonScim", "redirect");

    public static readonly KnobWords<HostileAnswer> HostileAnswers =
        new("none", "gatewayHtml", "unavailableHtml", "truncatedJson", "wrongShape", "html", "oversized", "oversizedChunked", "oversizedError");

    public static string Of(SecretsMode mode) => mode == SecretsMode.Omit ? "omit" : "echo";

    public static bool TryParseSecrets(string? text, out SecretsMode mode) =>
        TryPick(text, "echo", SecretsMode.Echo, "omit", SecretsMode.Omit, out mode);

    // Two-valued knobs only, so a pair beats a lookup table; the first value doubles as the fallback.
    private static bool TryPick<T>(string? text, string first, T firstValue, string second, T secondValue, out T value)
    {
        if (string.Equals(text, second, StringComparison.OrdinalIgnoreCase))
        {
            value = secondValue;
            return true;
        }

        value = firstValue;
        return string.Equals(text, first, StringComparison.OrdinalIgnoreCase);
    }
}

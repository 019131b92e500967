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

    public static readonly KnobWords<SecretsMode> SecretsModes = new("echo", "omit");
}

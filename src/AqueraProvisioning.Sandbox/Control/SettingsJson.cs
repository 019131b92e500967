using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// The settings as the control API shows them, and the partial merge of <c>POST /__sandbox/settings</c>.
/// A merge with any bad or unknown key changes nothing, so a typo in a test fails loudly instead of silently.
/// </summary>
internal static class SettingsJson
{
    private const int MaxLatencyMs = 600_000;

    public static JsonObject Render(SandboxSettings settings, FaultCounters faults)
    {
        var json = RenderOwn(settings, faults);
        PropagationSettingsJson.Render(settings.Propagation, json);
        return json;
    }

    private static JsonObject RenderOwn(SandboxSettings settings, FaultCounters faults) => new()
    {
        ["tokenLifetimeSeconds"] = settings.TokenLifetimeSeconds,
        ["latencyMs"] = settings.LatencyMs,
        ["throttleEveryN"] = settings.ThrottleEveryN,
        ["retryAfterSeconds"] = settings.RetryAfterSeconds,
        ["retryAfterAsHttpDate"] = settings.RetryAfterAsHttpDate,
        ["unavailableEveryN"] = settings.UnavailableEveryN,
        ["hostileAnswer"] = SettingNames.HostileAnswers.Of(settings.HostileAnswer),
        ["hostileEveryN"] = settings.HostileEveryN,
        ["commitThenFailCreates"] = faults.CommitThenFailCreatesRemaining,
        ["secrets"] = SettingNames.SecretsModes.Of(settings.Secrets),
        ["connectionCheckFailureMode"] = SettingNames.FailureModes.Of(settings.ConnectionCheckFailureMode),
        ["connectionCheckSuccessMode"] = SettingNames.SuccessModes.Of(settings.ConnectionCheckSuccessMode),
        ["strictCheckContentType"] = settings.StrictCheckContentType,
        ["connectionCheckTimeoutMs"] = settings.ConnectionCheckTimeoutMs,
        ["bearerRequiresBasicKeys"] = settings.BearerRequiresBasicKeys,
        ["refuseActiveOnCreate"] = settings.RefuseActiveOnCreate,
        ["extraConfigurationKeys"] = new JsonArray([.. settings.ExtraConfigurationKeys.Select(key => (JsonNode?)key)]),
        ["scimBearerToken"] = settings.ScimBearerToken,
        ["scimUser"] = settings.ScimUser,
        ["scimPassword"] = settings.ScimPassword,
        ["defaultPageSize"] = settings.DefaultPageSize,
        ["strictListQuery"] = settings.StrictListQuery,
        ["scimLatencyMs"] = settings.ScimLatencyMs,
        ["scimAnswer"] = SettingNames.ScimAnswers.Of(settings.ScimAnswer),
    };

    /// <summary>Applies <paramref name="patch"/> to <paramref name="current"/>; on errors the result is meaningless.</summary>
    public static SandboxSettings Merge(JsonObject patch, SandboxSettings current, ValidationErrors errors, out int? commitThenFailCreates)
    {
        commitThenFailCreates = null;
        var s = current;
        foreach (var (key, _) in patch)
        {
            switch (key)
            {
                case "tokenLifetimeSeconds": s = s with { TokenLifetimeSeconds = Int(patch, key, 0, int.MaxValue, errors) ?? s.TokenLifetimeSeconds }; break;
                case "latencyMs": s = s with { LatencyMs = Int(patch, key, 0, MaxLatencyMs, errors) ?? s.LatencyMs }; break;
                case "throttleEveryN": s = s with { ThrottleEveryN = Int(patch, key, 0, int.MaxValue, errors) ?? s.ThrottleEveryN }; break;
                case "retryAfterSeconds": s = s with { RetryAfterSeconds = Int(patch, key, 0, 86_400, errors) ?? s.RetryAfterSeconds }; break;
                case "retryAfterAsHttpDate": s = s with { RetryAfterAsHttpDate = Bool(patch, key, errors) ?? s.RetryAfterAsHttpDate }; break;
                case "unavailableEveryN": s = s with { UnavailableEveryN = Int(patch, key, 0, int.MaxValue, errors) ?? s.UnavailableEveryN }; break;
                case "hostileAnswer": s = s with { HostileAnswer = Enum(patch, key, SettingNames.HostileAnswers, errors) ?? s.HostileAnswer }; break;
                case "hostileEveryN": s = s with { HostileEveryN = Int(patch, key, 1, int.MaxValue, errors) ?? s.HostileEveryN }; break;
                case "commitThenFailCreates": commitThenFailCreates = Int(patch, key, 0, int.MaxValue, errors); break;
                case "secrets": s = s with { Secrets = Enum(patch, key, SettingNames.SecretsModes, errors) ?? s.Secrets }; break;
                case "connectionCheckFailureMode": s = s with { ConnectionCheckFailureMode = Enum(patch, key, SettingNames.FailureModes, errors) ?? s.ConnectionCheckFailureMode }; break;
                case "connectionCheckSuccessMode": s = s with { ConnectionCheckSuccessMode = Enum(patch, key, SettingNames.SuccessModes, errors) ?? s.ConnectionCheckSuccessMode }; break;
                case "strictCheckContentType": s = s with { StrictCheckContentType = Bool(patch, key, errors) ?? s.StrictCheckContentType }; break;
                case "connectionCheckTimeoutMs": s = s with { ConnectionCheckTimeoutMs = Int(patch, key, 1, 60_000, errors) ?? s.ConnectionCheckTimeoutMs }; break;
                case "bearerRequiresBasicKeys": s = s with { BearerRequiresBasicKeys = Bool(patch, key, errors) ?? s.BearerRequiresBasicKeys }; break;
                case "refuseActiveOnCreate": s = s with { RefuseActiveOnCreate = Bool(patch, key, errors) ?? s.RefuseActiveOnCreate }; break;
                case "extraConfigurationKeys": s = s with { ExtraConfigurationKeys = Strings(patch, key, errors) ?? s.ExtraConfigurationKeys }; break;
                case "scimBearerToken": s = s with { ScimBearerToken = Text(patch, key, errors) ?? s.ScimBearerToken }; break;
                case "scimUser": s = s with { ScimUser = Text(patch, key, errors) ?? s.ScimUser }; break;
                case "scimPassword": s = s with { ScimPassword = Text(patch, key, errors) ?? s.ScimPassword }; break;
                case "defaultPageSize": s = s with { DefaultPageSize = Int(patch, key, 1, ListEndpoint.MaxLimit, errors) ?? s.DefaultPageSize }; break;
                case "strictListQuery": s = s with { StrictListQuery = Bool(patch, key, errors) ?? s.StrictListQuery }; break;
                case "scimLatencyMs": s = s with { ScimLatencyMs = Int(patch, key, 0, MaxLatencyMs, errors) ?? s.ScimLatencyMs }; break;
                case "scimAnswer": s = s with { ScimAnswer = Enum(patch, key, SettingNames.ScimAnswers, errors) ?? s.ScimAnswer }; break;
                default:
                    if (PropagationSettingsJson.TryMerge(key, patch, s.Propagation, errors, out var propagation))
                    {
                        s = s with { Propagation = propagation };
                    }
                    else
                    {
                        errors.Invalid(key, $"{key} is not a sandbox setting.");
                    }

                    break;
            }
        }

        return s;
    }

    private static int? Int(JsonObject patch, string key, int minimum, int maximum, ValidationErrors errors) =>
        JsonFields.Integer(patch, key, key, minimum, maximum, errors, required: true);

    private static bool? Bool(JsonObject patch, string key, ValidationErrors errors)
    {
        var value = JsonFields.Boolean(patch, key, key, errors);
        if (value is null && patch[key] is null)
        {
            errors.Required(key);
        }

        return value;
    }

    private static string? Word(JsonObject patch, string key, string[] allowed, ValidationErrors errors) =>
        JsonFields.OneOf(patch, key, key, allowed, errors, required: true);

    private static T? Enum<T>(JsonObject patch, string key, KnobWords<T> words, ValidationErrors errors)
        where T : struct, System.Enum =>
        words.TryParse(Word(patch, key, words.Words, errors), out var value) ? value : null;

    private static string? Text(JsonObject patch, string key, ValidationErrors errors) =>
        JsonFields.String(patch, key, key, errors, required: true);

    private static string[]? Strings(JsonObject patch, string key, ValidationErrors errors)
    {
        if (patch[key] is JsonArray array && array.All(item => item?.GetValueKind() == JsonValueKind.String))
        {
            return [.. array.Select(item => item!.GetValue<string>())];
        }

        errors.Invalid(key, $"{key} must be an array of strings.");
        return null;
    }
}

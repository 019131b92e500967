using System;
using System.Collections.Generic;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// The test and fault knobs. Immutable so a request sees one consistent set; change them with
/// <see cref="SandboxState.UpdateSettings"/> or <c>POST /__sandbox/settings</c>.
/// </summary>
public sealed record SandboxSettings
{
    /// <summary>Lifetime of newly issued access tokens, in seconds (0 or more).</summary>
    public int TokenLifetimeSeconds { get; init; } = 3600;

    /// <summary>Delay before every /v1 and token request is answered, in milliseconds.</summary>
    public int LatencyMs { get; init; }

    /// <summary>Every Nth /v1 request is answered 429 REQUEST_LIMITED; 0 turns it off.</summary>
    public int ThrottleEveryN { get; init; }

    /// <summary>The delay the 429 <c>Retry-After</c> header asks for, in seconds.</summary>
    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>True sends <c>Retry-After</c> as an HTTP-date instead of a number of seconds.</summary>
    public bool RetryAfterAsHttpDate { get; init; }

    /// <summary>Every Nth /v1 request is answered 503 SERVICE_UNAVAILABLE; 0 turns it off.</summary>
    public int UnavailableEveryN { get; init; }

    /// <summary>What answers every <see cref="HostileEveryN"/>th /v1 request instead of PingOne: a gateway page, a broken or huge body.</summary>
    public HostileAnswer HostileAnswer { get; init; }

    /// <summary>Which /v1 requests <see cref="HostileAnswer"/> answers: every Nth (1, the default, is all of them).</summary>
    public int HostileEveryN { get; init; } = 1;

    /// <summary>Whether responses carry stored secrets.</summary>
    public SecretsMode Secrets { get; init; } = SecretsMode.Echo;

    /// <summary>Shape of a failed connection check.</summary>
    public ConnectionCheckFailureMode ConnectionCheckFailureMode { get; init; } = ConnectionCheckFailureMode.Error;

    /// <summary>Shape of a passed connection check.</summary>
    public ConnectionCheckSuccessMode ConnectionCheckSuccessMode { get; init; } = ConnectionCheckSuccessMode.Status;

    /// <summary>
    /// True refuses a connection check whose Content-Type carries a parameter (such as <c>charset</c>), as a server
    /// that compares it with the spec's one-value enum would.
    /// </summary>
    public bool StrictCheckContentType { get; init; }

    /// <summary>How long the connection check waits for the SCIM service, in milliseconds.</summary>
    public int ConnectionCheckTimeoutMs { get; init; } = 5000;

    /// <summary>
    /// True takes the spec at its word: a bearer store (create, replace, connection check) without
    /// <c>BASIC_AUTH_USER</c> and <c>BASIC_AUTH_PASSWORD</c> is refused with REQUIRED_VALUE on both; empty ones pass.
    /// </summary>
    public bool BearerRequiresBasicKeys { get; init; }

    /// <summary>
    /// True refuses <c>status</c> ACTIVE on a store create (400 INVALID_VALUE on <c>status</c>, allowed INACTIVE), as
    /// the spec's enum has only INACTIVE; a PUT still takes ACTIVE.
    /// </summary>
    public bool RefuseActiveOnCreate { get; init; }

    /// <summary>Aquera configuration keys accepted although the sandbox does not know them (a key PingOne added later).</summary>
    public IReadOnlyList<string> ExtraConfigurationKeys { get; init; } = [];

    /// <summary>Bearer token the fake SCIM service accepts.</summary>
    public string ScimBearerToken { get; init; } = SandboxCredentials.ScimBearerToken;

    /// <summary>Basic-auth user the fake SCIM service accepts.</summary>
    public string ScimUser { get; init; } = SandboxCredentials.ScimUser;

    /// <summary>Basic-auth password the fake SCIM service accepts.</summary>
    public string ScimPassword { get; init; } = SandboxCredentials.ScimPassword;

    /// <summary>Delay before every SCIM request is answered, in milliseconds (a slow Aquera).</summary>
    public int ScimLatencyMs { get; init; }

    /// <summary>What answers SCIM requests: the fake Aquera service, or a login page, another API or a redirect.</summary>
    public ScimAnswerMode ScimAnswer { get; init; } = ScimAnswerMode.Normal;

    /// <summary>
    /// True refuses every query parameter the spec does not declare on the propagation lists (all but the cursor of
    /// the sandbox's own next links); see <see cref="ListQueryGate"/>.
    /// </summary>
    public bool StrictListQuery { get; init; }

    /// <summary>Page size of <c>GET /propagation/stores</c> when the request has no <c>limit</c>.</summary>
    public int DefaultPageSize { get; init; } = 100;

    /// <summary>The knobs for the rule API's open questions.</summary>
    public PropagationSettings Propagation { get; init; } = new();

    /// <summary>The settings a server starts with and returns to on reset.</summary>
    internal static SandboxSettings FromOptions(SandboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.TokenLifetimeSeconds);
        ArgumentOutOfRangeException.ThrowIfNegative(options.LatencyMs);
        if (!SettingNames.SecretsModes.TryParse(options.Secrets, out var secrets))
        {
            throw new ArgumentException("Secrets must be 'echo' or 'omit'.", nameof(options));
        }

        return new SandboxSettings
        {
            TokenLifetimeSeconds = options.TokenLifetimeSeconds,
            LatencyMs = options.LatencyMs,
            Secrets = secrets,
        };
    }
}

using System;

namespace AqueraProvisioning.Core;

/// <summary>What a session is connected to. It never holds the client secret or the access token.</summary>
public sealed class PingOneContextInfo
{
    /// <summary>The PingOne environment id.</summary>
    public string EnvironmentId { get; set; } = string.Empty;

    /// <summary>The environment that holds the worker application (the same as <see cref="EnvironmentId"/> unless told otherwise).</summary>
    public string WorkerEnvironmentId { get; set; } = string.Empty;

    /// <summary>The region, or null when explicit URLs were given.</summary>
    public PingOneRegion? Region { get; set; }

    /// <summary>The API base URL.</summary>
    public Uri? ApiUrl { get; set; }

    /// <summary>The auth base URL.</summary>
    public Uri? AuthUrl { get; set; }

    /// <summary>The worker application's client id.</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>How the client authenticates at the token endpoint.</summary>
    public ClientAuthenticationMethod ClientAuthentication { get; set; }

    /// <summary>When the current access token expires.</summary>
    public DateTimeOffset? TokenExpiresAt { get; set; }

    /// <summary>The explicit proxy, if any.</summary>
    public Uri? Proxy { get; set; }

    /// <summary>A one-line summary.</summary>
    public override string ToString() => EnvironmentId + " (" + (Region?.ToString() ?? ApiUrl?.ToString()) + ")";
}

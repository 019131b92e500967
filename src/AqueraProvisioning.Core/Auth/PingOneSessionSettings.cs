using System;
using System.Security;

namespace AqueraProvisioning.Core;

/// <summary>Everything needed to open a session: which environment, which worker application, where, and how.</summary>
public sealed class PingOneSessionSettings
{
    /// <summary>Creates settings; ids are validated here.</summary>
    /// <param name="environmentId">The PingOne environment that holds the worker application and the connections.</param>
    /// <param name="clientId">The worker application's client id.</param>
    /// <param name="clientSecret">The worker application's client secret.</param>
    /// <param name="endpoints">The region or explicit URLs.</param>
    public PingOneSessionSettings(string environmentId, string clientId, SecureString clientSecret, PingOneEndpoints endpoints)
    {
        EnvironmentId = AqueraInput.RequireId(environmentId, "EnvironmentId");
        ClientId = AqueraInput.RequireId(clientId, "ClientId");
        if (SecretText.IsBlank(clientSecret))
        {
            throw new AqueraValidationException(ErrorIds.InvalidCredential, "The client secret is empty.", "ClientSecret", AqueraInputProblem.Empty);
        }

        ClientSecret = clientSecret;
        Endpoints = endpoints ?? throw new ArgumentNullException(nameof(endpoints));
    }

    /// <summary>The PingOne environment id.</summary>
    public string EnvironmentId { get; }

    /// <summary>The worker application's client id.</summary>
    public string ClientId { get; }

    /// <summary>The worker application's client secret.</summary>
    internal SecureString ClientSecret { get; }

    /// <summary>The API and auth base URLs.</summary>
    public PingOneEndpoints Endpoints { get; }

    /// <summary>
    /// The environment that holds the worker application, when it is not the one whose connections are managed
    /// (for example PingOne's Administrators environment); null means the same environment. The token comes from
    /// this environment's token endpoint; API paths always use <see cref="EnvironmentId"/>.
    /// </summary>
    public string? WorkerEnvironmentId
    {
        get => _workerEnvironmentId;
        set => _workerEnvironmentId = value is null ? null : AqueraInput.RequireId(value, "WorkerEnvironmentId");
    }

    /// <summary>The environment whose token endpoint issues the worker token.</summary>
    public string TokenEnvironmentId => _workerEnvironmentId ?? EnvironmentId;

    private string? _workerEnvironmentId;

    /// <summary>How the client authenticates at the token endpoint.</summary>
    public ClientAuthenticationMethod ClientAuthentication { get; set; } = ClientAuthenticationMethod.ClientSecretBasic;

    /// <summary>Retries and timeouts.</summary>
    public RetryOptions Retry { get; set; } = new RetryOptions();

    /// <summary>An explicit proxy; null uses the system proxy settings.</summary>
    public ProxySettings? Proxy { get; set; }

    /// <summary>The page size asked for when listing.</summary>
    public int PageSize { get; set; } = 100;
}

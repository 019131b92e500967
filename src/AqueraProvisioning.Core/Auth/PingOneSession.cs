using System;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core;

/// <summary>
/// A connection to one PingOne environment with one worker application: the token, the shared HTTP pipeline, the
/// environment's API and the resources over it (Aquera connections, propagation revisions). Cheap to create; the
/// HttpClient behind it is process-wide.
/// </summary>
public sealed class PingOneSession : IDisposable
{
    private readonly WorkerTokenProvider _tokens;

    /// <summary>Creates a session; nothing is sent until <see cref="ConnectAsync"/> or the first call.</summary>
    /// <param name="settings">The session settings.</param>
    public PingOneSession(PingOneSessionSettings settings)
        : this(settings, null)
    {
    }

    internal PingOneSession(PingOneSessionSettings settings, Func<DateTimeOffset>? clock)
    {
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
        RetryOptions retry = settings.Retry.Clone().Validate();
        if (settings.PageSize < 1 || settings.PageSize > 1000)
        {
            throw new AqueraValidationException(ErrorIds.InvalidSetting, "PageSize must be between 1 and 1000.", "PageSize");
        }

        Pipeline = new HttpPipeline(SharedHttpClients.Get(settings.Proxy), retry, clock);
        _tokens = new WorkerTokenProvider(Pipeline, settings.Endpoints.AuthBaseUrl, settings.TokenEnvironmentId, settings.ClientId, settings.ClientSecret, settings.ClientAuthentication, clock);
        Api = new PingOneApi(Pipeline, _tokens, settings.Endpoints.ApiBaseUrl, settings.EnvironmentId, settings.PageSize);
        Stores = new PropagationStores(Api);
        Connections = new AqueraConnections(Stores);
        Directory = new AqueraDirectory(Api);
        AttributeMetadata = new AqueraStoreMetadata(Stores);
        Mappings = new AqueraAttributeMappings(new PropagationMappings(Api));
        Rules = new AqueraRules(Stores, Connections, Directory, Mappings, AttributeMetadata);
        ProvisioningStatus = new AqueraProvisioningStatus(Api, Directory, Rules);
    }

    /// <summary>The settings this session was opened with.</summary>
    public PingOneSessionSettings Settings { get; }

    /// <summary>The Aquera connection operations.</summary>
    public AqueraConnections Connections { get; }

    /// <summary>The outbound provisioning rules from the PingOne directory to Aquera connections.</summary>
    public AqueraRules Rules { get; }

    /// <summary>The attribute mappings of rules.</summary>
    public AqueraAttributeMappings Mappings { get; }

    /// <summary>The PingOne directory: populations, groups and users by name or id.</summary>
    public AqueraDirectory Directory { get; }

    /// <summary>The Aquera target attributes of connections (store metadata).</summary>
    public AqueraStoreMetadata AttributeMetadata { get; }

    /// <summary>Where users stand for rules (synced rules).</summary>
    public AqueraProvisioningStatus ProvisioningStatus { get; }

    /// <summary>What this session is connected to, without any secret.</summary>
    public PingOneContextInfo Context => new PingOneContextInfo
    {
        EnvironmentId = Settings.EnvironmentId,
        WorkerEnvironmentId = Settings.TokenEnvironmentId,
        Region = Settings.Endpoints.Region,
        ApiUrl = Settings.Endpoints.ApiBaseUrl,
        AuthUrl = Settings.Endpoints.AuthBaseUrl,
        ClientId = Settings.ClientId,
        ClientAuthentication = Settings.ClientAuthentication,
        TokenExpiresAt = _tokens.ExpiresAt,
        Proxy = Settings.Proxy?.Address,
    };

    /// <summary>How many access tokens this session has fetched.</summary>
    public int TokensFetched => _tokens.TokensFetched;

    internal HttpPipeline Pipeline { get; }

    /// <summary>The environment's API, shared by every resource.</summary>
    internal PingOneApi Api { get; }

    /// <summary>The propagation stores of every type (the directory source of a rule as well as the connections).</summary>
    internal PropagationStores Stores { get; }

    /// <summary>What this session has learned about how its tenant answers where the documentation is silent.</summary>
    internal TenantChoices Choices => Api.Choices;

    /// <summary>Fetches a token now, so wrong worker credentials fail at connect time.</summary>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task ConnectAsync(OperationContext context, CancellationToken cancellationToken) =>
        _tokens.GetTokenAsync(context ?? throw new ArgumentNullException(nameof(context)), cancellationToken);

    /// <summary>Creates a propagation revision, so the admin console shows the changes made through the API.</summary>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<PropagationRevision> CreateRevisionAsync(OperationContext context, CancellationToken cancellationToken) =>
        Api.CreateRevisionAsync(context ?? throw new ArgumentNullException(nameof(context)), cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _tokens.Dispose();
}

using System;
using System.Threading.Tasks;
using AqueraProvisioning.Sandbox;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Support;

/// <summary>
/// One in-process sandbox for a test class (or collection). Tests reset it before they start, so each sees an
/// empty environment with default knobs; issued tokens survive a reset, as the sandbox promises.
/// </summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    private SandboxServer? _server;

    public SandboxServer Server => _server ?? throw new InvalidOperationException("The sandbox has not started.");

    public SandboxInfo Info => Server.Info;

    public SandboxState State => Server.State;

    public SandboxControl Control { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await SandboxServer.StartAsync(new SandboxOptions { Port = 0 });
        Control = new SandboxControl(new Uri(_server.Info.ControlUrl + "/"));
    }

    public async Task DisposeAsync()
    {
        Control?.Dispose();
        if (_server != null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Retries fast enough for tests: 10 ms base delay, 200 ms cap, and a generous per-request timeout.</summary>
    public static RetryOptions FastRetry() => new()
    {
        MaxAttempts = 8,
        BaseDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromMilliseconds(200),
        RequestTimeout = TimeSpan.FromSeconds(15),
        MaxRetryDuration = TimeSpan.FromSeconds(30),
    };

    public PingOneSessionSettings Settings(string? clientSecret = null, ClientAuthenticationMethod method = ClientAuthenticationMethod.ClientSecretBasic) =>
        new(Info.EnvironmentId, Info.ClientId, Secure.From(clientSecret ?? Info.ClientSecret), PingOneEndpoints.Create(PingOneRegion.NA, new Uri(Info.ApiUrl), new Uri(Info.AuthUrl)))
        {
            ClientAuthentication = method,
            Retry = FastRetry(),
        };

    public PingOneSession NewSession(Action<PingOneSessionSettings>? configure = null)
    {
        PingOneSessionSettings settings = Settings();
        configure?.Invoke(settings);
        return new PingOneSession(settings);
    }

    /// <summary>A draft that passes the sandbox's connection check with its bearer token.</summary>
    public AqueraConnectionDraft BearerDraft(string name, string? token = null) =>
        new(name, Info.ScimUrl, AqueraCredential.Bearer(Secure.From(token ?? Info.ScimBearerToken)))
        {
            Description = "created by " + name,
            AllowCreate = true,
            AllowUpdate = false,
            AllowDisable = true,
            RemoveAction = AqueraRemoveAction.Disable,
        };

    /// <summary>A draft that uses Basic Auth against the sandbox's SCIM service.</summary>
    public AqueraConnectionDraft BasicDraft(string name, string? password = null) =>
        new(name, Info.ScimUrl, AqueraCredential.Basic(Info.ScimUser, Secure.From(password ?? Info.ScimPassword)));
}

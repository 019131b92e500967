using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// A running local stand-in for the PingOne propagation API, its token endpoint and an Aquera SCIM 2.0 service,
/// listening on 127.0.0.1. Used in-process by tests and by the exe.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ScimProbe probe;
    private readonly ScimClient scim;
    private readonly PropagationEngine engine;
    private int stopped;

    private SandboxServer(WebApplication app, SandboxState state, ScimProbe probe, ScimClient scim, PropagationEngine engine)
    {
        this.app = app;
        this.probe = probe;
        this.scim = scim;
        this.engine = engine;
        State = state;
    }

    /// <summary>Addresses and credentials; the same data as the exe's ready line.</summary>
    public SandboxInfo Info => State.Info;

    /// <summary>In-memory state, for white-box assertions and knob changes in tests.</summary>
    public SandboxState State { get; }

    /// <summary>Starts a sandbox and returns once it accepts connections.</summary>
    /// <param name="options">Port and initial knobs.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server; dispose it to stop.</returns>
    public static async Task<SandboxServer> StartAsync(SandboxOptions options, CancellationToken cancellationToken = default)
    {
        var state = new SandboxState(SandboxSettings.FromOptions(options));
        var probe = new ScimProbe();
        var scim = new ScimClient();

        // The endpoints read the engine's ledger, so the engine exists before they are mapped; it only waits until then.
        var engine = new PropagationEngine(state, scim);
        state.Engine = engine;
        var app = SandboxHost.Build(options, state, probe, scim);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await engine.DisposeAsync();
            await app.DisposeAsync();
            probe.Dispose();
            scim.Dispose();
            throw;
        }

        // Port 0 is only resolved by binding, so the addresses are known after the start.
        var port = new Uri(app.Urls.First()).Port;
        state.Info = SandboxInfo.ForBaseUrl($"http://127.0.0.1:{port}");
        return new SandboxServer(app, state, probe, scim, engine);
    }

    /// <summary>Stops listening; requests in flight get about a second to finish. Safe to call more than once.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref stopped, 1) == 0)
        {
            await engine.DisposeAsync();
            await app.StopAsync();
        }
    }

    /// <summary>Stops the server and releases its resources.</summary>
    /// <returns>A task that completes when everything is released.</returns>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await app.DisposeAsync();
        probe.Dispose();
        scim.Dispose();
    }
}

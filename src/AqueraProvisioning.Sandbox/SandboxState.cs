using System;
using System.Text.Json.Nodes;
using System.Threading;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// Everything a running sandbox holds in memory. Tests read it for white-box assertions and may change knobs
/// through it; every member is safe to use while requests are being served.
/// </summary>
public sealed class SandboxState
{
    private readonly SandboxSettings defaults;

    // Stores, plans, rules and mappings share one lock so cross-resource checks and cascades are atomic.
    private readonly Lock propagationGate = new();
    private readonly Lock settingsGate = new();
    private SandboxSettings settings;
    private SandboxInfo? info;
    private PropagationEngine? engine;

    internal SandboxState(SandboxSettings defaults)
    {
        this.defaults = defaults;
        settings = defaults;
        Stores = new StoreRepository(propagationGate);
        Propagation = new PropagationModel(propagationGate);
    }

    /// <summary>Addresses and credentials of the server.</summary>
    public SandboxInfo Info
    {
        get => info ?? throw new InvalidOperationException("The sandbox has not started yet.");
        internal set => info = value;
    }

    /// <summary>The current knobs.</summary>
    public SandboxSettings Settings => Volatile.Read(ref settings);

    /// <summary>Propagation stores.</summary>
    public StoreRepository Stores { get; }

    /// <summary>The propagation plan, rules and mappings.</summary>
    public PropagationModel Propagation { get; }

    /// <summary>The PingOne directory: users, populations, groups and memberships (seeded).</summary>
    public PingOneDirectory Directory { get; } = new();

    /// <summary>Propagation revisions.</summary>
    public RevisionLog Revisions { get; } = new();

    /// <summary>Log of /v1 and token requests.</summary>
    public RequestLog Requests { get; } = new();

    /// <summary>Issued access tokens.</summary>
    public AccessTokenRegistry Tokens { get; } = new();

    /// <summary>Users and groups of the fake Aquera SCIM service.</summary>
    public ScimTenant Scim { get; } = new();

    /// <summary>The propagation engine (set once the server runs).</summary>
    public PropagationEngine Engine
    {
        get => engine ?? throw new InvalidOperationException("The sandbox has not started yet.");
        internal set => engine = value;
    }

    /// <summary>Connection, request and token counters.</summary>
    public SandboxCounters Counters { get; } = new();

    /// <summary>Counting behind the fault knobs.</summary>
    public FaultCounters Faults { get; } = new();

    /// <summary>
    /// Changes knobs, for example <c>state.UpdateSettings(s => s with { ThrottleEveryN = 3 })</c>. The every-Nth
    /// counts restart, so the Nth request after this call is the first to fail.
    /// </summary>
    /// <param name="change">Produces the new settings from the current ones.</param>
    /// <returns>The settings now in force.</returns>
    public SandboxSettings UpdateSettings(Func<SandboxSettings, SandboxSettings> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (settingsGate)
        {
            var updated = change(settings);
            Volatile.Write(ref settings, updated);
            Faults.RestartEveryNthCounting();
            return updated;
        }
    }

    /// <summary>
    /// Back to start-up state: stores, the seeded directory, revisions, SCIM users and groups, the request log, counters, faults and settings.
    /// Issued tokens stay valid so a client's cached token survives between test cases.
    /// </summary>
    public void Reset()
    {
        engine?.Reset();
        Propagation.Clear();
        Stores.Clear();
        Directory.Reset();
        Revisions.Clear();
        Scim.Clear();
        Requests.Clear();
        Counters.Reset();
        UpdateSettings(_ => defaults);
        Faults.Reset();
    }

    internal bool IsKnownEnvironment(string? environmentId) =>
        string.Equals(environmentId, Info.EnvironmentId, StringComparison.OrdinalIgnoreCase);

    /// <summary>Environments whose token endpoint issues worker tokens: the managed one and the worker's own.</summary>
    internal bool HoldsWorkerApplication(string? environmentId) =>
        IsKnownEnvironment(environmentId) || string.Equals(environmentId, Info.WorkerEnvironmentId, StringComparison.OrdinalIgnoreCase);

    internal JsonObject Render(StoreRecord store) => StoreJson.Render(store, Info, Settings.Secrets);
}

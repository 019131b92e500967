using System;
using System.Threading;

namespace AqueraProvisioning.Sandbox;

/// <summary>What every part of one engine run needs: the sandbox, the SCIM client, the ledger and the run's cancellation.</summary>
internal sealed record EngineContext(SandboxState State, ScimClient Client, EngineLedger Ledger, CancellationToken Token)
{
    /// <summary>A session with a store's SCIM service; each call waits at most the <c>connectionCheckTimeoutMs</c> knob.</summary>
    public ScimSession Session(StoreContent store) =>
        new(Client, store, TimeSpan.FromMilliseconds(State.Settings.ConnectionCheckTimeoutMs), Token);
}

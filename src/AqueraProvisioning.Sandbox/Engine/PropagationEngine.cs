using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// The offline PingOne's propagation engine. It provisions the directory's users into the SCIM services of ACTIVE
/// Aquera stores, by the rules that target them, over standard SCIM 2.0: a full sync after each revision (and on
/// <see cref="RunAsync"/>), an incremental one within a second after each directory change. All work goes through
/// one background loop, so no two runs ever overlap (and never two runs of one store). Tests wait with
/// <see cref="WaitForIdleAsync"/> instead of sleeping.
/// </summary>
public sealed class PropagationEngine : IAsyncDisposable
{
    /// <summary>How long a change waits for others to join it in one run.</summary>
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(50);

    private readonly SandboxState state;
    private readonly ScimClient client;
    private readonly Lock gate = new();
    private readonly SemaphoreSlim signal = new(0);
    private readonly CancellationTokenSource stopping = new();
    private readonly ManualResetEventSlim notRunning = new(true);
    private readonly HashSet<Guid> pendingUsers = [];
    private readonly List<TaskCompletionSource> runWaiters = [];
    private readonly List<TaskCompletionSource> idleWaiters = [];
    private readonly Task loop;
    private CancellationTokenSource runCancellation = new();
    private bool fullPending;
    private bool running;
    private int runs;
    private DateTimeOffset? lastRunAt;
    private string? lastError;

    internal PropagationEngine(SandboxState state, ScimClient client)
    {
        this.state = state;
        this.client = client;
        state.Directory.UserChanged += UserChanged;
        state.Propagation.RuleRemoved += RuleRemoved;
        loop = Task.Run(LoopAsync);
    }

    /// <summary>Runs finished since start or reset.</summary>
    public int Runs
    {
        get
        {
            lock (gate)
            {
                return runs;
            }
        }
    }

    /// <summary>When the last run finished, or null.</summary>
    public DateTimeOffset? LastRunAt
    {
        get
        {
            lock (gate)
            {
                return lastRunAt;
            }
        }
    }

    /// <summary>Whether a full sync or directory changes wait for a run.</summary>
    public bool HasPendingWork
    {
        get
        {
            lock (gate)
            {
                return fullPending || pendingUsers.Count > 0;
            }
        }
    }

    /// <summary>Whether a run is in progress.</summary>
    public bool IsRunning
    {
        get
        {
            lock (gate)
            {
                return running;
            }
        }
    }

    /// <summary>The last unexpected error a run stopped on (a sandbox bug, not a SCIM failure), or null.</summary>
    public string? LastError
    {
        get
        {
            lock (gate)
            {
                return lastError;
            }
        }
    }

    /// <summary>The outcome of each rule for each user the engine considered (the synced-rule endpoint's data).</summary>
    public IReadOnlyList<SyncOutcome> UserOutcomes => Ledger.UserOutcomes.Snapshot();

    internal EngineLedger Ledger { get; } = new();

    /// <summary>Runs a full sync of every ACTIVE Aquera store now and completes when it is done.</summary>
    /// <param name="cancellationToken">Stops waiting (the run goes on).</param>
    /// <returns>A task that completes after the run.</returns>
    public Task RunAsync(CancellationToken cancellationToken = default)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            fullPending = true;
            runWaiters.Add(done);
            Wake();
        }

        return done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Completes when no run is in progress and no work is pending.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes once the engine is idle.</returns>
    public Task WaitForIdleAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (IsIdleLocked())
            {
                return Task.CompletedTask;
            }

            var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            idleWaiters.Add(idle);
            return idle.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Stops the loop; a run in progress is cancelled.</summary>
    /// <returns>A task that completes when the loop has ended.</returns>
    public async ValueTask DisposeAsync()
    {
        state.Directory.UserChanged -= UserChanged;
        state.Propagation.RuleRemoved -= RuleRemoved;
        await stopping.CancelAsync();
        await runCancellation.CancelAsync();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
            // The loop ends by cancellation.
        }

        CompleteWaiters(runWaiters);
        CompleteWaiters(idleWaiters);
        stopping.Dispose();
        runCancellation.Dispose();
        signal.Dispose();
        notRunning.Dispose();
    }

    /// <summary>
    /// A revision: every ACTIVE Aquera store syncs fully, and deprovisioning left by deleted rules is due.
    /// <paramref name="restartStatus"/> restarts the stores' counters before the run can record anything.
    /// </summary>
    internal void RevisionCreated(Action restartStatus)
    {
        Ledger.MarkPendingDue();
        lock (gate)
        {
            // Under the gate, so a run cannot start (and record) between the restart and the request for it.
            restartStatus();
            fullPending = true;
            Wake();
        }
    }

    /// <summary>Whether a full sync has anything to do for the store: a qualifying rule targets it, or deprovisioning waits.</summary>
    internal bool HasWorkFor(Guid storeId)
    {
        var knobs = state.Settings.Propagation;
        return state.Propagation.Rules.FindFirst(rule => rule.Content.TargetStoreId == storeId && Qualifies(rule, knobs)) is not null
            || Ledger.HasPendingFor(storeId);
    }

    /// <summary>
    /// Forgets everything and waits (up to five seconds) for a run in progress to stop, so nothing from before the
    /// reset reaches a SCIM service afterwards.
    /// </summary>
    internal void Reset()
    {
        CancellationTokenSource cancelled;
        lock (gate)
        {
            fullPending = false;
            pendingUsers.Clear();
            cancelled = runCancellation;
            runCancellation = new CancellationTokenSource();
        }

        cancelled.Cancel();
        notRunning.Wait(TimeSpan.FromSeconds(5));
        cancelled.Dispose();
        Ledger.Clear();
        TaskCompletionSource[] released;
        lock (gate)
        {
            runs = 0;
            lastRunAt = null;
            lastError = null;

            // Whoever waited for a run or for idleness must not wait for work the reset threw away.
            released = [.. runWaiters, .. IsIdleLocked() ? idleWaiters : []];
            runWaiters.Clear();
            if (IsIdleLocked())
            {
                idleWaiters.Clear();
            }
        }

        foreach (var waiter in released)
        {
            waiter.TrySetResult();
        }
    }

    private void UserChanged(Guid userId)
    {
        lock (gate)
        {
            pendingUsers.Add(userId);
            Wake();
        }
    }

    /// <summary>
    /// A rule is gone: its accounts are no longer the engine's, and when the delete asked to deprovision and the
    /// target store is managed (or the rule had the deprecated <c>deprovision</c>), they are deprovisioned at the
    /// next revision.
    /// </summary>
    private void RuleRemoved(RuleRecord rule, bool deprovision)
    {
        var accounts = Ledger.TakeLinksOf(rule.Id);
        Ledger.ForgetRule(rule.Id);
        var store = state.Stores.Find(rule.Content.TargetStoreId);
        if (deprovision && store is not null && (store.Content.Managed || rule.Content.Deprovision == true))
        {
            var ofStore = accounts.Where(account => account.Store == store.Id).Select(account => (account.User, account.Link)).ToArray();
            if (ofStore.Length > 0)
            {
                Ledger.AddPending(new PendingDeprovision(store.Id, store.Content, rule.Id, ofStore));
            }
        }
    }

    private void Wake()
    {
        if (signal.CurrentCount == 0)
        {
            signal.Release();
        }
    }

    private bool IsIdleLocked() => !running && !fullPending && pendingUsers.Count == 0;

    private async Task LoopAsync()
    {
        var stop = stopping.Token;
        while (!stop.IsCancellationRequested)
        {
            await signal.WaitAsync(stop);
            await Task.Delay(Debounce, stop);
            bool full;
            Guid[] users;
            TaskCompletionSource[] waiters;
            CancellationToken token;
            lock (gate)
            {
                full = fullPending;
                users = [.. pendingUsers];
                waiters = [.. runWaiters];
                fullPending = false;
                pendingUsers.Clear();
                runWaiters.Clear();
                running = full || users.Length > 0;
                token = runCancellation.Token;
                if (running)
                {
                    notRunning.Reset();
                }
            }

            try
            {
                if (full || users.Length > 0)
                {
                    await RunOnceAsync(full, users, new EngineContext(state, client, Ledger, token));
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // Reset or shutdown stopped the run.
            }
            catch (Exception exception)
            {
                lock (gate)
                {
                    lastError = exception.ToString();
                }
            }
            finally
            {
                Finish(full || users.Length > 0, token.IsCancellationRequested, waiters);
            }
        }
    }

    private void Finish(bool ran, bool cancelled, TaskCompletionSource[] waiters)
    {
        TaskCompletionSource[] idle = [];
        lock (gate)
        {
            if (ran && !cancelled)
            {
                runs++;
                lastRunAt = IsoTime.Now();
            }

            running = false;
            notRunning.Set();
            if (IsIdleLocked())
            {
                idle = [.. idleWaiters];
                idleWaiters.Clear();
            }
            else
            {
                Wake();
            }
        }

        foreach (var waiter in waiters.Concat(idle))
        {
            waiter.TrySetResult();
        }
    }

    private async Task RunOnceAsync(bool full, Guid[] users, EngineContext context)
    {
        var knobs = state.Settings.Propagation;
        var model = state.Propagation;
        var qualifying = model.Rules.Snapshot().Where(rule => Qualifies(rule, knobs)).Select(rule => RuleScope.Of(rule, model, knobs)).ToArray();
        foreach (var store in state.Stores.Snapshot().Where(IsActiveAquera))
        {
            var rules = qualifying.Where(rule => rule.Rule.Content.TargetStoreId == store.Id).ToArray();
            var due = full ? Ledger.TakeDue(pending => pending.StoreId == store.Id) : [];
            if (rules.Length == 0 && due.Count == 0)
            {
                // Nothing to sync: the revision already recorded this store's status, and nothing would change it.
                continue;
            }

            var tally = await new StoreRun(context, store, rules).RunAsync(full ? null : users, due);
            StoreSyncRecorder.Record(state.Stores, store.Id, tally);
        }

        if (full)
        {
            // A managed store deleted after its rule: its accounts are still deprovisioned, with the store as it was.
            foreach (var orphan in Ledger.TakeDue(pending => state.Stores.Find(pending.StoreId) is null))
            {
                var removal = new AccountRemoval(context.Session(orphan.Store), ConnectionPreferences.Of(orphan.Store), Ledger, orphan.StoreId);
                foreach (var (userId, link) in orphan.Accounts)
                {
                    await removal.RemoveAsync(userId, link);
                }
            }
        }
    }

    /// <summary>Active, in a plan that qualifies (knob <c>planStatusMode</c>), from a directory store.</summary>
    private bool Qualifies(RuleRecord rule, PropagationSettings knobs)
    {
        var content = rule.Content;
        if (!content.Active || state.Propagation.Plans.Find(content.PlanId) is not { } plan)
        {
            return false;
        }

        return (knobs.PlanStatusMode != "required" || plan.Status == StoreValidator.Active)
            && state.Stores.Find(content.SourceStoreId)?.Content.Type == StoreValidator.Directory;
    }

    internal static bool IsActiveAquera(StoreRecord store) =>
        store.Content.Type == StoreValidator.Aquera && store.Content.Status == StoreValidator.Active;

    private void CompleteWaiters(List<TaskCompletionSource> waiters)
    {
        TaskCompletionSource[] all;
        lock (gate)
        {
            all = [.. waiters];
            waiters.Clear();
        }

        foreach (var waiter in all)
        {
            waiter.TrySetResult();
        }
    }
}

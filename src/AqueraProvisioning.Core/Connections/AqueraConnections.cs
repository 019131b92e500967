using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core;

/// <summary>
/// The Aquera connection operations of one session: list, get, test, create, update and delete, with
/// the console's rules (test before trusting, name as the natural key, read-modify-write, write-only secrets).
/// </summary>
public sealed class AqueraConnections
{
    private readonly PropagationStores _stores;
    private readonly string _environmentId;
    private readonly BearerBasicKeys _bearer;

    internal AqueraConnections(PropagationStores stores)
    {
        _stores = stores;
        _environmentId = stores.Api.EnvironmentId;
        _bearer = new BearerBasicKeys(stores.Api.Choices);
    }

    /// <summary>One page of Aquera connections; pass null for the first page, then each page's <c>Next</c>.</summary>
    /// <param name="pageUrl">The page to read, or null for the first.</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<PingOnePage<AqueraConnection>> GetPageAsync(Uri? pageUrl, OperationContext context, CancellationToken cancellationToken)
    {
        PingOnePage<PropagationStore> page = await _stores.GetPageAsync(pageUrl, context, cancellationToken).ConfigureAwait(false);
        return page.Select(StoreMapper.IsAquera, s => StoreMapper.ToConnection(s, _environmentId));
    }

    /// <summary>Every Aquera connection, page by page.</summary>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public Task<IReadOnlyList<AqueraConnection>> ListAllAsync(OperationContext context, CancellationToken cancellationToken) =>
        Paging.ListAllAsync<AqueraConnection>(next => GetPageAsync(next, context, cancellationToken));

    /// <summary>One connection by id.</summary>
    /// <param name="id">The connection id.</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="PingOneApiException">404 when there is no such store.</exception>
    /// <exception cref="AqueraOperationException">The store is not an Aquera connection.</exception>
    public async Task<AqueraConnection> GetAsync(string id, OperationContext context, CancellationToken cancellationToken)
    {
        PropagationStore store = await GetAqueraStoreAsync(AqueraInput.RequireId(id, "Id"), context, cancellationToken).ConfigureAwait(false);
        return StoreMapper.ToConnection(store, _environmentId);
    }

    /// <summary>The connection with this name (case-insensitive), or null.</summary>
    /// <param name="name">The name.</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public async Task<AqueraConnection?> FindByNameAsync(string name, OperationContext context, CancellationToken cancellationToken)
    {
        string wanted = AqueraInput.RequireName(name);
        PropagationStore? store = await _stores.FindAsync(
            s => StoreMapper.IsAquera(s) && string.Equals(s.Name, wanted, StringComparison.OrdinalIgnoreCase),
            context,
            cancellationToken).ConfigureAwait(false);
        return store is null ? null : StoreMapper.ToConnection(store, _environmentId);
    }

    /// <summary>The connection with this name (case-insensitive).</summary>
    /// <param name="name">The name.</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <exception cref="AqueraOperationException">No connection has that name (AqueraConnectionNotFound).</exception>
    public async Task<AqueraConnection> GetByNameAsync(string name, OperationContext context, CancellationToken cancellationToken) =>
        await FindByNameAsync(name, context, cancellationToken).ConfigureAwait(false) ?? throw NoConnectionNamed(name);

    /// <summary>The error for a name that no Aquera connection has.</summary>
    internal static AqueraOperationException NoConnectionNamed(string name) =>
        new AqueraOperationException(ErrorIds.ConnectionNotFound, "There is no Aquera connection named '" + name + "'.") { Name = name };

    /// <summary>The error for a store that is missing or of another type where an Aquera connection was asked for.</summary>
    internal static AqueraOperationException NotAnAquera(string id, PropagationStore? store) =>
        new AqueraOperationException(
            ErrorIds.NotAnAqueraConnection,
            "The propagation store '" + id + "' is " + (store is null ? "empty" : "of type '" + store.Type + "'") + ", not an Aquera connection.")
        { Name = store?.Name };

    /// <summary>The console's Test Connection for a proposed connection.</summary>
    /// <param name="draft">The proposed connection.</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<AqueraConnectionTestResult> TestAsync(AqueraConnectionDraft draft, OperationContext context, CancellationToken cancellationToken)
    {
        if (draft is null)
        {
            throw new ArgumentNullException(nameof(draft));
        }

        return CheckAsync(() => StoreWriter.FromDraft(draft, enabled: false), null, draft.Name, context, cancellationToken);
    }

    /// <summary>Tests a saved connection as it is stored, or with new credentials.</summary>
    /// <param name="id">The connection id.</param>
    /// <param name="credential">Credentials to test with instead of the stored ones, or null.</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <exception cref="AqueraOperationException">The service did not return the stored secret and none was given.</exception>
    public async Task<AqueraConnectionTestResult> TestSavedAsync(string id, AqueraCredential? credential, OperationContext context, CancellationToken cancellationToken)
    {
        PropagationStore saved = await GetAqueraStoreAsync(AqueraInput.RequireId(id, "Id"), context, cancellationToken).ConfigureAwait(false);
        var changes = new AqueraConnectionChanges { Credential = credential };
        RequireSecretOrCredential(saved, changes, "test it");
        return await CheckAsync(() => StoreWriter.Apply(saved, changes), saved.Id, saved.Name ?? string.Empty, context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What a direct probe of a saved connection uses: the given credentials, else the stored ones PingOne returned.</summary>
    /// <param name="id">The connection id.</param>
    /// <param name="credential">Credentials given instead of the stored ones, or null.</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<ScimProbeTarget> GetProbeTargetAsync(string id, AqueraCredential? credential, OperationContext context, CancellationToken cancellationToken)
    {
        PropagationStore saved = await GetAqueraStoreAsync(AqueraInput.RequireId(id, "Id"), context, cancellationToken).ConfigureAwait(false);
        return ScimProbeTarget.For(saved, null, credential);
    }

    /// <summary>
    /// Creates a connection. The name must not exist yet (the caller checks with <see cref="ConnectionNameIndex"/>).
    /// Unless <paramref name="skipTest"/>, the connection is tested first: on failure nothing is created, or with
    /// <paramref name="force"/> it is saved disabled. A create whose outcome is unknown is resolved by looking the
    /// name up before any retry, so it is never created twice.
    /// </summary>
    /// <param name="draft">The connection.</param>
    /// <param name="skipTest">Do not test first.</param>
    /// <param name="force">Save a connection whose test failed, disabled.</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public async Task<AqueraCreateResult> CreateAsync(AqueraConnectionDraft draft, bool skipTest, bool force, OperationContext context, CancellationToken cancellationToken)
    {
        if (draft is null)
        {
            throw new ArgumentNullException(nameof(draft));
        }

        AqueraConnectionTestResult? test = null;
        bool enabled = draft.Enabled;
        if (!skipTest)
        {
            test = await TestAsync(draft, context, cancellationToken).ConfigureAwait(false);
            if (!test.Success)
            {
                if (!force)
                {
                    throw TestFailedBeforeCreate(draft.Name, test);
                }

                enabled = false;
            }
        }

        AqueraConnection created = await CreateInStateAsync(draft, enabled, context, cancellationToken).ConfigureAwait(false);
        return new AqueraCreateResult(created, test, test is { Success: false });
    }

    /// <summary>The refusal to create a connection whose test failed.</summary>
    internal static AqueraOperationException TestFailedBeforeCreate(string name, AqueraConnectionTestResult test) =>
        new AqueraOperationException(ErrorIds.ConnectionTestFailed, "The connection test for '" + name + "' failed, so nothing was created: " + Sentence(test.Message))
        { Name = name, TestResult = test };

    /// <summary>
    /// Reads the connection and works out what the changes would do, without sending any change; the caller can
    /// then ask for confirmation (ShouldProcess) before <see cref="ApplyAsync"/>.
    /// </summary>
    /// <param name="id">The connection id.</param>
    /// <param name="changes">What to change.</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<PendingUpdate> PrepareUpdateAsync(string id, AqueraConnectionChanges changes, OperationContext context, CancellationToken cancellationToken)
    {
        if (changes is null)
        {
            throw new ArgumentNullException(nameof(changes));
        }

        PropagationStore saved = await GetAqueraStoreAsync(AqueraInput.RequireId(id, "Id"), context, cancellationToken).ConfigureAwait(false);
        bool unchanged = changes.Credential is null && StoreWriter.IsUnchanged(saved, StoreWriter.Apply(saved, changes));
        return new PendingUpdate(saved, changes, StoreMapper.ToConnection(saved, _environmentId), unchanged);
    }

    /// <summary>
    /// Applies a prepared update: tests first when the connection would be enabled with a new state, URL or
    /// credential, then PUTs the whole store back. Nothing is sent when nothing would change.
    /// </summary>
    /// <param name="pending">The prepared update.</param>
    /// <param name="options">How to treat the connection test.</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public async Task<AqueraUpdateResult> ApplyAsync(PendingUpdate pending, AqueraUpdateOptions options, OperationContext context, CancellationToken cancellationToken)
    {
        if (pending is null || options is null)
        {
            throw new ArgumentNullException(pending is null ? nameof(pending) : nameof(options));
        }

        PropagationStore saved = pending.Saved;
        AqueraConnectionChanges changes = pending.Changes;
        string storeId = saved.Id ?? pending.Current.Id;
        if (pending.IsNoOp)
        {
            context.Log.Verbose("'" + saved.Name + "' already is as asked; nothing to send.");
            return new AqueraUpdateResult(pending.Current, changed: false, test: null);
        }

        AqueraConnectionTestResult? test = null;
        if (options.TestBeforeEnabling && NeedsTest(saved, changes))
        {
            RequireSecretOrCredential(saved, changes, "test it before enabling");
            test = await CheckAsync(() => StoreWriter.Apply(saved, changes), storeId, saved.Name ?? string.Empty, context, cancellationToken).ConfigureAwait(false);
            if (!test.Success && !options.Force)
            {
                throw new AqueraOperationException(
                    ErrorIds.EnableRefused,
                    "'" + saved.Name + "' was not changed: " + (changes.State == AqueraConnectionState.Enabled ? "it would be enabled" : "it is enabled") +
                    ", but its connection test" + (changes.ScimUrl != null || changes.Credential != null ? " with the new URL or credentials" : string.Empty) +
                    " fails: " + Sentence(test.Message))
                { Name = saved.Name, TestResult = test };
            }

            if (!test.Success)
            {
                context.Log.Warning("'" + saved.Name + "' is saved enabled although its connection test failed: " + test.Message);
            }
        }

        try
        {
            PropagationStore? updated = await _bearer.SendAsync(() => StoreWriter.Apply(saved, changes), body => _stores.ReplaceAsync(storeId, body, context, cancellationToken), context).ConfigureAwait(false);
            return new AqueraUpdateResult(StoreMapper.ToConnection(updated ?? saved, _environmentId), changed: true, test);
        }
        catch (PingOneApiException ex) when (ex.StatusCode == 400 && changes.Credential is null && ex.HasDetailFor("configuration." + StoreMapper.SecretKeyOf(saved)))
        {
            throw new AqueraOperationException(ErrorIds.SecretRequired, SecretRequiredMessage(saved, "save the change"), ex) { Name = saved.Name };
        }
    }

    /// <summary>Prepares and applies an update in one go (no confirmation step).</summary>
    /// <param name="id">The connection id.</param>
    /// <param name="changes">What to change.</param>
    /// <param name="options">How to treat the connection test.</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public async Task<AqueraUpdateResult> UpdateAsync(string id, AqueraConnectionChanges changes, AqueraUpdateOptions options, OperationContext context, CancellationToken cancellationToken)
    {
        PendingUpdate pending = await PrepareUpdateAsync(id, changes, context, cancellationToken).ConfigureAwait(false);
        return await ApplyAsync(pending, options, context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a connection.</summary>
    /// <param name="id">The connection id.</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <remarks>A delete whose outcome is unknown is checked with a GET before it is sent again, so a delete that
    /// went through but was answered 5xx is reported as done, not as "not found".</remarks>
    public async Task DeleteAsync(string id, OperationContext context, CancellationToken cancellationToken)
    {
        string storeId = AqueraInput.RequireId(id, "Id");
        await UnknownOutcome.SendAsync(
            "the delete of " + storeId,
            async () =>
            {
                await _stores.DeleteAsync(storeId, context, cancellationToken).ConfigureAwait(false);
                return true;
            },
            async _ => (!await _stores.ExistsAsync(storeId, context, cancellationToken).ConfigureAwait(false), true),
            ex => ex,
            _stores.Api.Retry,
            context,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A fresh index of the names in use, for the natural-key check of one invocation.</summary>
    public ConnectionNameIndex NewNameIndex() => new ConnectionNameIndex(this);

    private static string Sentence(string? text)
    {
        string value = (text ?? "no reason given").Trim();
        return value.EndsWith(".", StringComparison.Ordinal) || value.EndsWith("!", StringComparison.Ordinal) ? value : value + ".";
    }

    private static bool NeedsTest(PropagationStore saved, AqueraConnectionChanges changes)
    {
        bool enabledNow = string.Equals(saved.Status, AqueraKeys.StatusActive, StringComparison.OrdinalIgnoreCase);
        bool enabledAfter = changes.State is AqueraConnectionState state ? state == AqueraConnectionState.Enabled : enabledNow;
        bool reachChanges = changes.ScimUrl != null || changes.Credential != null;
        return enabledAfter && (!enabledNow || reachChanges);
    }

    private static void RequireSecretOrCredential(PropagationStore saved, AqueraConnectionChanges changes, string purpose)
    {
        if (changes.Credential != null)
        {
            return;
        }

        if (!StoreMapper.ReturnsSecret(saved))
        {
            throw new AqueraOperationException(ErrorIds.SecretRequired, SecretRequiredMessage(saved, purpose)) { Name = saved.Name };
        }
    }


    private static string SecretRequiredMessage(PropagationStore saved, string purpose) =>
        string.Format(
            CultureInfo.InvariantCulture,
            "PingOne does not return the stored secret of '{0}', and it is needed to {1}.",
            saved.Name,
            purpose);

    private async Task<PropagationStore> GetAqueraStoreAsync(string id, OperationContext context, CancellationToken cancellationToken)
    {
        PropagationStore? store = await _stores.GetAsync(id, context, cancellationToken).ConfigureAwait(false);
        return store is not null && StoreMapper.IsAquera(store) ? store : throw NotAnAquera(id, store);
    }

    private async Task<AqueraConnectionTestResult> CheckAsync(Func<PropagationStore> build, string? connectionId, string name, OperationContext context, CancellationToken cancellationToken)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = new AqueraConnectionTestResult { ConnectionId = connectionId, Name = name };
        ConnectionCheckVerdict verdict;
        try
        {
            (int status, JsonElement? body) = await _bearer.SendAsync(build, b => _stores.CheckConnectionAsync(b, context, cancellationToken), context).ConfigureAwait(false);
            verdict = ConnectionCheckVerdict.FromAnswer(status, body);
        }
        catch (PingOneApiException ex) when (ConnectionCheckVerdict.FromRefusal(ex) is ConnectionCheckVerdict refused)
        {
            // A refusal of the proposed connection is a failed test, not an error; anything that says nothing about
            // Aquera (the token, PingOne down, an unreadable answer) stays an error.
            verdict = refused;
        }

        result.Success = verdict.Success;
        result.Message = verdict.Message;
        result.Details = verdict.Details;
        result.Duration = watch.Elapsed;
        context.Log.Verbose("Connection test of '" + name + "': " + (result.Success ? "succeeded" : "failed") + ".");
        return result;
    }

    /// <summary>
    /// Creates the connection enabled or not: in one create, or, on a tenant that refuses ACTIVE on create, disabled
    /// and then enabled by a replace (built from the draft, so it needs no secret back from PingOne).
    /// </summary>
    private async Task<AqueraConnection> CreateInStateAsync(AqueraConnectionDraft draft, bool enabled, OperationContext context, CancellationToken cancellationToken)
    {
        TenantChoices choices = _stores.Api.Choices;
        if (enabled && !choices.Has(ActiveOnCreate.Choice))
        {
            try
            {
                return await CreateOnceAsync(draft, enabled: true, context, cancellationToken).ConfigureAwait(false);
            }
            catch (PingOneApiException ex) when (ActiveOnCreate.IsRefusal(ex))
            {
                choices.Adopt(ActiveOnCreate.Choice, context, ActiveOnCreate.Explanation);
            }
        }

        AqueraConnection created = await CreateOnceAsync(draft, enabled: false, context, cancellationToken).ConfigureAwait(false);
        if (!enabled)
        {
            return created;
        }

        string id = string.IsNullOrEmpty(created.Id) ? (await GetByNameAsync(draft.Name, context, cancellationToken).ConfigureAwait(false)).Id : created.Id;
        try
        {
            PropagationStore? enabledStore = await _bearer.SendAsync(() => StoreWriter.FromDraft(draft, enabled: true), body => _stores.ReplaceAsync(id, body, context, cancellationToken), context).ConfigureAwait(false);
            return enabledStore is null ? created : StoreMapper.ToConnection(enabledStore, _environmentId);
        }
        catch (PingOneApiException ex)
        {
            throw new AqueraOperationException(
                ex.ErrorId,
                "'" + draft.Name + "' was created disabled (id " + id + "), because PingOne does not take status ACTIVE on create, but enabling it failed: " + ex.Message,
                ex)
            { Name = draft.Name };
        }
    }

    private Task<AqueraConnection> CreateOnceAsync(AqueraConnectionDraft draft, bool enabled, OperationContext context, CancellationToken cancellationToken) =>
        UnknownOutcome.SendAsync(
            "the create of '" + draft.Name + "'",
            async () =>
            {
                PropagationStore? store = await _bearer.SendAsync(() => StoreWriter.FromDraft(draft, enabled), body => _stores.CreateAsync(body, context, cancellationToken), context).ConfigureAwait(false);
                return StoreMapper.ToConnection(store ?? new PropagationStore { Name = draft.Name }, _environmentId);
            },
            async ex =>
            {
                try
                {
                    AqueraConnection? existing = await FindByNameAsync(draft.Name, context, cancellationToken).ConfigureAwait(false);
                    return (existing != null, existing!);
                }
                catch (PingOneApiException lookupFailure)
                {
                    throw new AqueraOperationException(
                        ErrorIds.CreateOutcomeUnknown,
                        "'" + draft.Name + "' may or may not have been created: the create failed (" + ex.Message + ") and the look-up that should tell failed too (" + lookupFailure.Message + ").",
                        ex)
                    { Name = draft.Name };
                }
            },
            ex => new AqueraOperationException(
                ErrorIds.CreateOutcomeUnknown,
                "'" + draft.Name + "' could not be created: PingOne kept failing (" + ex.Message + "), and it was not found afterwards, so a later attempt will not create a duplicate.",
                ex)
            { Name = draft.Name },
            _stores.Api.Retry,
            context,
            cancellationToken);
}

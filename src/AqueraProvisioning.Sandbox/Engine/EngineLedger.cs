using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// What the engine remembers between runs: which PingOne user (and group) has which account in which store's SCIM
/// service, the deprovisioning a deleted rule left for the next revision, and the per-user and per-group outcome of
/// each rule. One lock; runs read and write it between SCIM calls, never across one.
/// </summary>
internal sealed class EngineLedger
{
    private readonly Lock gate = new();
    private readonly Dictionary<(Guid Store, Guid User), ScimLink> links = [];
    private readonly Dictionary<(Guid Store, Guid Group), string> groupLinks = [];
    private readonly List<PendingDeprovision> pending = [];

    public InMemoryCollection<SyncOutcome> UserOutcomes { get; } = new();

    public InMemoryCollection<SyncOutcome> GroupOutcomes { get; } = new();

    public ScimLink? Link(Guid store, Guid user) => Get(links, (store, user));

    /// <summary>Remembers the account, or forgets it when <paramref name="link"/> is null.</summary>
    public void SetLink(Guid store, Guid user, ScimLink? link) => Set(links, (store, user), link);

    /// <summary>The users with an account in <paramref name="store"/>.</summary>
    public IReadOnlyList<Guid> LinkedUsers(Guid store)
    {
        lock (gate)
        {
            return [.. links.Keys.Where(key => key.Store == store).Select(key => key.User)];
        }
    }

    /// <summary>Forgets and returns the accounts <paramref name="ruleId"/> provisioned (the rule is gone).</summary>
    public IReadOnlyList<(Guid Store, Guid User, ScimLink Link)> TakeLinksOf(Guid ruleId)
    {
        lock (gate)
        {
            var taken = links.Where(pair => pair.Value.RuleId == ruleId).Select(pair => (pair.Key.Store, pair.Key.User, pair.Value)).ToArray();
            foreach (var (store, user, _) in taken)
            {
                links.Remove((store, user));
            }

            return taken;
        }
    }

    public string? GroupLink(Guid store, Guid group) => Get(groupLinks, (store, group));

    public void SetGroupLink(Guid store, Guid group, string? scimId) => Set(groupLinks, (store, group), scimId);

    public void AddPending(PendingDeprovision deprovision)
    {
        lock (gate)
        {
            pending.Add(deprovision);
        }
    }

    /// <summary>A revision was created: everything pending so far is due at this run.</summary>
    public void MarkPendingDue()
    {
        lock (gate)
        {
            for (var i = 0; i < pending.Count; i++)
            {
                pending[i] = pending[i] with { Due = true };
            }
        }
    }

    /// <summary>Takes the due deprovisioning that <paramref name="canRun"/> accepts; the rest stays pending.</summary>
    public IReadOnlyList<PendingDeprovision> TakeDue(Func<PendingDeprovision, bool> canRun)
    {
        lock (gate)
        {
            var due = pending.Where(item => item.Due && canRun(item)).ToArray();
            pending.RemoveAll(due.Contains);
            return due;
        }
    }

    public bool HasPendingFor(Guid store)
    {
        lock (gate)
        {
            return pending.Exists(item => item.StoreId == store);
        }
    }

    /// <summary>Records the outcome of <paramref name="ruleId"/> for <paramref name="subject"/>, replacing the previous one.</summary>
    public static void Record(InMemoryCollection<SyncOutcome> outcomes, Guid subject, Guid ruleId, string status, IReadOnlyList<SyncDetail> details) =>
        outcomes.Locked(() =>
        {
            var now = IsoTime.Now();
            if (outcomes.FindFirst(outcome => outcome.SubjectId == subject && outcome.RuleId == ruleId) is { } existing)
            {
                return outcomes.Replace(existing.Id, old => old with { Status = status, Details = details, LastSyncAt = IsoTime.After(old.LastSyncAt) });
            }

            return outcomes.Add((id, sequence) => new SyncOutcome(id, sequence, subject, ruleId, status, now, details));
        });

    /// <summary>Forgets the outcomes of a deleted rule.</summary>
    public void ForgetRule(Guid ruleId)
    {
        UserOutcomes.RemoveAll(outcome => outcome.RuleId == ruleId);
        GroupOutcomes.RemoveAll(outcome => outcome.RuleId == ruleId);
    }

    private TValue? Get<TValue>(Dictionary<(Guid, Guid), TValue> map, (Guid, Guid) key)
        where TValue : class
    {
        lock (gate)
        {
            return map.GetValueOrDefault(key);
        }
    }

    private void Set<TValue>(Dictionary<(Guid, Guid), TValue> map, (Guid, Guid) key, TValue? value)
        where TValue : class
    {
        lock (gate)
        {
            if (value is null)
            {
                map.Remove(key);
            }
            else
            {
                map[key] = value;
            }
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            links.Clear();
            groupLinks.Clear();
            pending.Clear();
        }

        UserOutcomes.Clear();
        GroupOutcomes.Clear();
    }
}

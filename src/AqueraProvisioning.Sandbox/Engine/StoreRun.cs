using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// One run of the engine for one ACTIVE Aquera store and the rules that target it: every user considered is synced
/// under each rule that has it in scope, or deprovisioned when it left every rule's scope (or PingOne); then the
/// rules' groups; then the deprovisioning a deleted rule left for this revision.
/// </summary>
internal sealed class StoreRun(EngineContext context, StoreRecord store, IReadOnlyList<RuleScope> rules)
{
    /// <param name="users">The users to consider: null for a full sync (everyone, and every account the store holds).</param>
    /// <param name="due">Deprovisioning due at this run.</param>
    public async Task<RunTally> RunAsync(IReadOnlyCollection<Guid>? users, IReadOnlyList<PendingDeprovision> due)
    {
        var ledger = context.Ledger;
        var directory = context.State.Directory;
        var session = context.Session(store.Content);
        var preferences = ConnectionPreferences.Of(store.Content);
        var sync = new UserSync(session, preferences, ledger, store.Id);
        var removal = new AccountRemoval(session, preferences, ledger, store.Id);
        var tally = new RunTally();

        var everyone = directory.Users.Snapshot();
        var views = everyone.ToDictionary(user => user.Id, user => UserView.Build(user, directory));
        tally.UserTotal = everyone.Count(user => rules.Any(rule => rule.Includes(user, views[user.Id])));
        var considered = users ?? [.. everyone.Select(user => user.Id).Concat(ledger.LinkedUsers(store.Id)).Distinct()];
        foreach (var userId in considered)
        {
            context.Token.ThrowIfCancellationRequested();
            var user = directory.Users.Find(userId);
            var view = user is null ? null : views.GetValueOrDefault(userId) ?? UserView.Build(user, directory);
            var inScope = user is null ? [] : rules.Where(rule => rule.Includes(user, view!)).ToArray();
            foreach (var rule in inScope)
            {
                var result = await sync.SyncAsync(rule.Id, rule.Mappings, user!, view!);
                Record(ledger.UserOutcomes, userId, rule.Id, result);
                tally.Count(result, deprovisioning: false);
            }

            if (inScope.Length == 0 && ledger.Link(store.Id, userId) is { Deprovisioned: false } link && rules.Any(rule => rule.Id == link.RuleId))
            {
                var result = await removal.RemoveAsync(userId, link);
                Record(ledger.UserOutcomes, userId, link.RuleId, result);
                tally.Count(result, deprovisioning: true);
            }
        }

        await SyncGroupsAsync(session, tally);
        foreach (var deprovision in due)
        {
            foreach (var (userId, link) in deprovision.Accounts)
            {
                tally.Count(await removal.RemoveAsync(userId, link), deprovisioning: true);
            }
        }

        return tally;
    }

    private async Task SyncGroupsAsync(ScimSession session, RunTally tally)
    {
        var groups = new GroupSync(session, context.Ledger, context.State.Directory, store.Id);
        foreach (var rule in rules)
        {
            foreach (var groupId in rule.Rule.Content.GroupIds)
            {
                context.Token.ThrowIfCancellationRequested();
                if (await groups.SyncAsync(groupId) is not { } result)
                {
                    continue;
                }

                Record(context.Ledger.GroupOutcomes, groupId, rule.Id, result);
                if (result.IsFailure)
                {
                    // A group failure is reported, but the users' sync stands: the store is not FAILED for it.
                    tally.NoteFailure($"Group {context.State.Directory.Groups.Find(groupId)?.Name}: {result.Reason}");
                }
            }
        }
    }

    private static void Record(InMemoryCollection<SyncOutcome> outcomes, Guid subject, Guid ruleId, UserResult result) =>
        EngineLedger.Record(outcomes, subject, ruleId, result.Status, result.Details);
}

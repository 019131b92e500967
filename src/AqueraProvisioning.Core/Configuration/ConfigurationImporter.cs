using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core;

/// <summary>
/// Applies a prepared import step by step in the plan's order: connections (tested before they are enabled), then
/// each rule (created disabled, its mappings, then enabled), then the deletes (mappings, rules, connections). It
/// stops at the first step that fails and says what was and was not applied; a second import completes the rest,
/// since it plans again from what is there. One revision follows for what was applied.
/// </summary>
public static class ConfigurationImporter
{
    private const int StepsShown = 10;

    /// <summary>Applies the import.</summary>
    /// <param name="session">The session the environment was read with.</param>
    /// <param name="import">The prepared import.</param>
    /// <param name="declined">Steps the caller declined (a delete not confirmed); they, and the mappings of a declined rule create, are skipped. Null for none.</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public static async Task<ConfigurationImportResult> ApplyAsync(PingOneSession session, ConfigurationImport import, ICollection<ConfigurationChange>? declined, OperationContext context, CancellationToken cancellationToken)
    {
        if (session is null || import is null || context is null)
        {
            throw new ArgumentNullException(session is null ? nameof(session) : import is null ? nameof(import) : nameof(context));
        }

        var skip = new HashSet<ConfigurationChange>(declined ?? Array.Empty<ConfigurationChange>());
        var applied = new List<ConfigurationChange>();
        var notApplied = new List<ConfigurationChange>();
        var skipped = new List<ConfigurationChange>();
        var runner = new ConfigurationStepRunner(session, import, context, cancellationToken);
        List<ConfigurationChange> steps = import.Plan.Changes.Where(c => c.Action != ConfigurationAction.Unchanged).ToList();
        AqueraOperationException? failure = null;
        bool saved = false;
        for (int i = 0; i < steps.Count && failure is null;)
        {
            List<ConfigurationChange> group = Group(steps, i);
            if (skip.Contains(group[0]))
            {
                // A rule that is not created takes its new mappings with it; the mappings of a rule not updated go on alone.
                List<ConfigurationChange> dropped = group[0].Action == ConfigurationAction.Create ? group : group.GetRange(0, 1);
                skipped.AddRange(dropped);
                i += dropped.Count;
                continue;
            }

            i += group.Count;

            List<ConfigurationChange> wanted = group.Where(c => !skip.Contains(c)).ToList();
            skipped.AddRange(group.Where(skip.Contains));
            try
            {
                await runner.ApplyAsync(wanted, done =>
                {
                    applied.Add(done);
                    context.Log.Verbose("Applied: " + done + ".");
                }).ConfigureAwait(false);
            }
            catch (AqueraException ex)
            {
                saved = ex is AqueraOperationException { ChangesSaved: true };
                notApplied.AddRange(wanted.Where(c => !applied.Contains(c)));
                notApplied.AddRange(steps.Skip(i).Where(c => !skip.Contains(c)));
                skipped.AddRange(steps.Skip(i).Where(skip.Contains));
                failure = Stopped(wanted.FirstOrDefault(c => !applied.Contains(c)) ?? wanted[0], ex, applied.Count, notApplied);
            }
        }

        // A rule counts as applied once it is enabled, after its mappings; the result keeps the plan's order.
        var order = new Dictionary<ConfigurationChange, int>();
        for (int i = 0; i < steps.Count; i++)
        {
            order[steps[i]] = i;
        }

        var result = new ConfigurationImportResult(applied.OrderBy(c => order[c]).ToList().AsReadOnly(), notApplied.AsReadOnly(), skipped.AsReadOnly()) { Failure = failure };
        if ((applied.Count > 0 || saved) && import.Options.CreateRevision)
        {
            try
            {
                result.Revision = await session.CreateRevisionAsync(context, cancellationToken).ConfigureAwait(false);
                context.Log.Verbose("Created propagation revision " + result.Revision.Id + " for the " + applied.Count + " step(s) applied.");
            }
            catch (PingOneApiException ex)
            {
                result.RevisionFailure = ex;
            }
        }

        return result;
    }

    /// <summary>
    /// The steps applied together: a rule with the mappings that follow it in the plan (a rule is created or enabled
    /// around them), any other step on its own.
    /// </summary>
    private static List<ConfigurationChange> Group(List<ConfigurationChange> steps, int start)
    {
        var group = new List<ConfigurationChange> { steps[start] };
        ConfigurationChange first = steps[start];
        if (first.Kind != ConfigurationKind.Rule || first.Action == ConfigurationAction.Delete)
        {
            return group;
        }

        for (int i = start + 1; i < steps.Count && steps[i].Kind == ConfigurationKind.Mapping && ConfigurationNames.Same(steps[i].Rule, first.Name) && steps[i].Action != ConfigurationAction.Delete; i++)
        {
            group.Add(steps[i]);
        }

        return group;
    }

    private static AqueraOperationException Stopped(ConfigurationChange failed, AqueraException ex, int appliedCount, List<ConfigurationChange> notApplied)
    {
        string notDone = string.Join(", ", notApplied.Take(StepsShown).Select(Short)) +
            (notApplied.Count > StepsShown ? string.Format(CultureInfo.InvariantCulture, " and {0} more", notApplied.Count - StepsShown) : string.Empty);
        string message = string.Format(
            CultureInfo.InvariantCulture,
            "The import stopped at {0}: {1} {2} step(s) were applied before it; {3} were not: {4}. Importing the file again applies the rest.",
            Short(failed),
            ex.Message.TrimEnd(),
            appliedCount,
            notApplied.Count,
            notDone);
        var operation = ex as AqueraOperationException;
        return new AqueraOperationException(ex.ErrorId, message, ex)
        {
            Name = failed.Name,
            ChangesSaved = appliedCount > 0 || operation?.ChangesSaved == true,
            TestResult = operation?.TestResult,
        };
    }

    private static string Short(ConfigurationChange change) => change.Action + " " + change.Kind + " '" + change.Name + "'";
}

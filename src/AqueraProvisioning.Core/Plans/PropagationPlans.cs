using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core;

/// <summary>
/// The environment's one propagation plan: read it and reuse it, create it only when there is none (a concurrent
/// create answered "already has a plan" is read again and reused), and make it ACTIVE where the tenant takes that.
/// </summary>
internal sealed class PropagationPlans
{
    public const string DefaultName = "Provisioning Plan";
    private const string Path = "propagation/plans";

    /// <summary>The tenant choice in effect once a plan PUT with status ACTIVE was refused on <c>status</c>: plans are left as they are.</summary>
    internal const string LeaveStatusChoice = "leave-plan-status";

    private static readonly PingOneCollection<PropagationPlan> s_collection = new PingOneCollection<PropagationPlan>(Path, "plans", CoreJson.Default.ListPropagationPlan);
    private readonly PingOneApi _api;

    public PropagationPlans(PingOneApi api)
    {
        _api = api;
    }

    public Task<IReadOnlyList<PropagationPlan>> ListAsync(OperationContext context, CancellationToken cancellationToken) =>
        _api.ListAllAsync(s_collection, context, cancellationToken);

    /// <summary>The plan to use: the existing one, or a new one when the environment has none. Never a second.</summary>
    public async Task<PropagationPlan> EnsureAsync(OperationContext context, CancellationToken cancellationToken)
    {
        PropagationPlan? existing = await FirstAsync(context, cancellationToken).ConfigureAwait(false);
        if (existing != null)
        {
            context.Log.Verbose("Using the environment's propagation plan '" + existing.Name + "' (" + existing.Id + ").");
            return existing;
        }

        try
        {
            PropagationPlan created = await UnknownOutcome.SendAsync(
                "the create of the propagation plan",
                async () => await _api.SendAsync(
                    new PingOneRequest(HttpMethod.Post, _api.Url(Path), PingOneResourceKind.Environment, _api.EnvironmentId)
                    {
                        Body = PingOneApi.JsonBody(() => new PropagationPlan { Name = DefaultName }, CoreJson.Default.PropagationPlan),
                        RetryMode = RetryMode.OnlyWhenNotProcessed,
                    },
                    CoreJson.Default.PropagationPlan,
                    context,
                    cancellationToken).ConfigureAwait(false) ?? new PropagationPlan(),
                async _ =>
                {
                    PropagationPlan? plan = await FirstAsync(context, cancellationToken).ConfigureAwait(false);
                    return (plan != null, plan!);
                },
                ex => ex,
                _api.Retry,
                context,
                cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(created.Id))
            {
                created = await FirstAsync(context, cancellationToken).ConfigureAwait(false) ?? created;
            }

            context.Log.Verbose("The environment had no propagation plan; created '" + created.Name + "' (" + created.Id + ").");
            return created;
        }
        catch (PingOneApiException ex) when (AlreadyHasPlan(ex))
        {
            // Another client created the plan between our read and our create: the environment's plan is that one.
            PropagationPlan? plan = await FirstAsync(context, cancellationToken).ConfigureAwait(false);
            if (plan is null)
            {
                throw;
            }

            context.Log.Verbose("A propagation plan appeared while this one was being created; using '" + plan.Name + "' (" + plan.Id + ").");
            return plan;
        }
    }

    /// <summary>
    /// Makes the plan ACTIVE unless it is, or the tenant refused ACTIVE before. A refusal on <c>status</c> is
    /// remembered for the session (the tenant then runs plans whatever their status); any other failure is thrown.
    /// </summary>
    public async Task<PropagationPlan> EnsureActiveAsync(PropagationPlan plan, OperationContext context, CancellationToken cancellationToken)
    {
        if (_api.Choices.Has(LeaveStatusChoice) || string.Equals(plan.Status, AqueraKeys.StatusActive, StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(plan.Id))
        {
            return plan;
        }

        try
        {
            PropagationPlan? updated = await _api.SendAsync(
                new PingOneRequest(HttpMethod.Put, _api.Url(Path, plan.Id!), PingOneResourceKind.Plan, plan.Id)
                {
                    Body = PingOneApi.JsonBody(() => plan.WithStatus(AqueraKeys.StatusActive), CoreJson.Default.PropagationPlan),
                },
                CoreJson.Default.PropagationPlan,
                context,
                cancellationToken).ConfigureAwait(false);
            context.Log.Verbose("Set the propagation plan '" + plan.Name + "' to ACTIVE, so the engine runs its rules.");
            return updated ?? plan;
        }
        catch (PingOneApiException ex) when (ex.StatusCode == 400 && ex.HasDetailFor("status"))
        {
            _api.Choices.Adopt(
                LeaveStatusChoice,
                context,
                "PingOne does not take ACTIVE as the status of the plan '" + plan.Name + "' (" + (ex.Details.FirstOrDefault(d => d.Target == "status")?.Message ?? ex.ApiMessage) + "). This session leaves the plan's status as it is from now on.");
            return plan;
        }
    }

    /// <summary>The answer to a second plan, as PingOne gives it: 400 or 409 saying the environment already has one.</summary>
    internal static bool AlreadyHasPlan(PingOneApiException ex) =>
        (ex.StatusCode == 400 || ex.StatusCode == 409) &&
        (ex.HasDetailFor("environment") ||
         (ex.ApiMessage != null && ex.ApiMessage.IndexOf("already has", StringComparison.OrdinalIgnoreCase) >= 0 && ex.ApiMessage.IndexOf("plan", StringComparison.OrdinalIgnoreCase) >= 0));

    private async Task<PropagationPlan?> FirstAsync(OperationContext context, CancellationToken cancellationToken) =>
        (await ListAsync(context, cancellationToken).ConfigureAwait(false)).FirstOrDefault(p => !string.IsNullOrEmpty(p.Id));
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core;

/// <summary>
/// The propagation rule endpoints, tolerant of every documented variant: created on the plan's path or the flat
/// one (whichever the tenant takes, remembered), lists as HAL, <c>items</c> or a bare array, a create answer
/// without the id (found again by name and stores), and delete with <c>?deprovision=true</c>.
/// </summary>
internal sealed class PropagationRules
{
    public const string Path = "propagation/rules";

    /// <summary>The tenant choice in effect once the plan's path answered 404/405 to a create: rules are created at <c>/propagation/rules</c>.</summary>
    internal const string FlatCreateChoice = "create-rules-at-propagation-rules";

    private const int RecoveryAttempts = 5;
    private static readonly TimeSpan s_recoveryStep = TimeSpan.FromMilliseconds(300);
    private static readonly PingOneCollection<PropagationRule> s_collection = new PingOneCollection<PropagationRule>(Path, "rules", CoreJson.Default.ListPropagationRule, PageShapes.Any);
    private readonly PingOneApi _api;

    public PropagationRules(PingOneApi api)
    {
        _api = api;
    }

    public PingOneApi Api => _api;

    /// <summary>Every rule of the environment, whatever its target.</summary>
    public Task<IReadOnlyList<PropagationRule>> ListAsync(OperationContext context, CancellationToken cancellationToken) =>
        _api.ListAllAsync(s_collection, context, cancellationToken);

    /// <summary>The rules of one plan.</summary>
    public Task<IReadOnlyList<PropagationRule>> ListOfPlanAsync(string planId, OperationContext context, CancellationToken cancellationToken) =>
        _api.ListAllAsync(PlanRules(planId), context, cancellationToken);

    public async Task<PropagationRule> GetAsync(string ruleId, OperationContext context, CancellationToken cancellationToken) =>
        await _api.SendAsync(new PingOneRequest(HttpMethod.Get, _api.Url(Path, ruleId), PingOneResourceKind.Rule, ruleId), CoreJson.Default.PropagationRule, context, cancellationToken).ConfigureAwait(false)
        ?? throw Empty("GET", ruleId);

    public Task<bool> ExistsAsync(string ruleId, OperationContext context, CancellationToken cancellationToken) =>
        _api.ExistsAsync(_api.Url(Path, ruleId), PingOneResourceKind.Rule, ruleId, context, cancellationToken);

    /// <summary>
    /// Creates the rule: on the plan's path first, on the flat path when that answers 404 or 405 (and from then on).
    /// An unknown outcome, and a 201 without an id, are settled by finding the rule by name and stores.
    /// </summary>
    public async Task<PropagationRule> CreateAsync(PropagationRule body, OperationContext context, CancellationToken cancellationToken)
    {
        string planId = body.Plan?.Id ?? throw new ArgumentException("The rule has no plan.", nameof(body));
        string what = "the create of the rule '" + body.Name + "'";
        PropagationRule created = await UnknownOutcome.SendAsync(
            what,
            () => PostAsync(body, planId, context, cancellationToken),
            async _ =>
            {
                PropagationRule? found = await FindCreatedAsync(body, planId, context, cancellationToken).ConfigureAwait(false);
                return (found != null, found!);
            },
            ex => new AqueraOperationException(
                ErrorIds.CreateOutcomeUnknown,
                "The rule '" + body.Name + "' could not be created: PingOne kept failing (" + ex.Message + "), and it was not found afterwards, so a later attempt will not create a duplicate.",
                ex)
            { Name = body.Name },
            _api.Retry,
            context,
            cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(created.Id))
        {
            return created;
        }

        context.Log.Verbose("PingOne's answer to " + what + " has no id; finding the rule by its name and stores.");
        for (int attempt = 1; attempt <= RecoveryAttempts; attempt++)
        {
            PropagationRule? found = await FindCreatedAsync(body, planId, context, cancellationToken).ConfigureAwait(false);
            if (found != null)
            {
                return found;
            }

            if (attempt < RecoveryAttempts)
            {
                await Task.Delay(TimeSpan.FromTicks(s_recoveryStep.Ticks * attempt), cancellationToken).ConfigureAwait(false);
            }
        }

        throw new AqueraOperationException(
            ErrorIds.CreateOutcomeUnknown,
            string.Format(CultureInfo.InvariantCulture, "PingOne accepted the rule '{0}' without saying its id, and the plan's rules did not show it after {1} looks.", body.Name, RecoveryAttempts))
        { Name = body.Name };
    }

    public async Task<PropagationRule> ReplaceAsync(string ruleId, PropagationRule replacement, OperationContext context, CancellationToken cancellationToken) =>
        await _api.SendAsync(
            new PingOneRequest(HttpMethod.Put, _api.Url(Path, ruleId), PingOneResourceKind.Rule, ruleId) { Body = PingOneApi.JsonBody(() => replacement, CoreJson.Default.PropagationRule) },
            CoreJson.Default.PropagationRule,
            context,
            cancellationToken).ConfigureAwait(false)
        ?? throw Empty("PUT", ruleId);

    /// <summary>Deletes the rule; a delete whose outcome is unknown is checked with a GET before it is sent again.</summary>
    public Task DeleteAsync(string ruleId, bool deprovision, OperationContext context, CancellationToken cancellationToken)
    {
        var url = _api.Url(Path + "/" + Uri.EscapeDataString(ruleId) + (deprovision ? "?deprovision=true" : string.Empty));
        return UnknownOutcome.SendAsync(
            "the delete of the rule " + ruleId,
            async () =>
            {
                await _api.SendAsync(new PingOneRequest(HttpMethod.Delete, url, PingOneResourceKind.Rule, ruleId) { RetryMode = RetryMode.OnlyWhenNotProcessed }, context, cancellationToken).ConfigureAwait(false);
                return true;
            },
            async _ => (!await ExistsAsync(ruleId, context, cancellationToken).ConfigureAwait(false), true),
            ex => ex,
            _api.Retry,
            context,
            cancellationToken);
    }

    private static PingOneCollection<PropagationRule> PlanRules(string planId) =>
        new PingOneCollection<PropagationRule>("propagation/plans/" + Uri.EscapeDataString(planId) + "/rules", "rules", CoreJson.Default.ListPropagationRule, PageShapes.Any, PingOneResourceKind.Plan, planId);

    private static AqueraOperationException Empty(string method, string ruleId) =>
        new AqueraOperationException(ErrorIds.InvalidResponse, "PingOne answered the " + method + " of the rule " + ruleId + " without a body.");

    private async Task<PropagationRule> PostAsync(PropagationRule body, string planId, OperationContext context, CancellationToken cancellationToken)
    {
        bool flat = _api.Choices.Has(FlatCreateChoice);
        try
        {
            return await PostOnAsync(flat, body, planId, context, cancellationToken).ConfigureAwait(false);
        }
        catch (PingOneApiException ex) when (ex.StatusCode == 404 || ex.StatusCode == 405)
        {
            PropagationRule created = await PostOnAsync(!flat, body, planId, context, cancellationToken).ConfigureAwait(false);
            _api.Choices.Set(
                FlatCreateChoice,
                !flat,
                context,
                "PingOne answered " + ex.StatusCode.ToString(CultureInfo.InvariantCulture) + " to a rule create on " + (flat ? "/propagation/rules." : "the plan's path.")
                + " Rules are created " + (flat ? "on the plan's path" : "at /propagation/rules") + " from now on in this session.");
            return created;
        }
    }

    private Task<PropagationRule> PostOnAsync(bool flat, PropagationRule body, string planId, OperationContext context, CancellationToken cancellationToken) =>
        flat
            ? PostToAsync(Path, PingOneResourceKind.Environment, _api.EnvironmentId, body, context, cancellationToken)
            : PostToAsync("propagation/plans/" + Uri.EscapeDataString(planId) + "/rules", PingOneResourceKind.Plan, planId, body, context, cancellationToken);

    private async Task<PropagationRule> PostToAsync(string path, PingOneResourceKind kind, string ownerId, PropagationRule body, OperationContext context, CancellationToken cancellationToken) =>
        await _api.SendAsync(
            new PingOneRequest(HttpMethod.Post, _api.Url(path), kind, ownerId)
            {
                Body = PingOneApi.JsonBody(() => body, CoreJson.Default.PropagationRule),
                RetryMode = RetryMode.OnlyWhenNotProcessed,
            },
            CoreJson.Default.PropagationRule,
            context,
            cancellationToken).ConfigureAwait(false) ?? new PropagationRule();

    private async Task<PropagationRule?> FindCreatedAsync(PropagationRule body, string planId, OperationContext context, CancellationToken cancellationToken)
    {
        IReadOnlyList<PropagationRule> rules = await ListOfPlanAsync(planId, context, cancellationToken).ConfigureAwait(false);
        return rules.FirstOrDefault(r =>
            !string.IsNullOrEmpty(r.Id) &&
            string.Equals(r.Name, body.Name, StringComparison.OrdinalIgnoreCase) &&
            string.Equals(r.SourceStore?.Id, body.SourceStore?.Id, StringComparison.OrdinalIgnoreCase) &&
            string.Equals(r.TargetStore?.Id, body.TargetStore?.Id, StringComparison.OrdinalIgnoreCase));
    }
}

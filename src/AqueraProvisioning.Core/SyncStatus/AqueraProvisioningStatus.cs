using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core;

/// <summary>
/// Where PingOne users stand for rules, from the synced-rule endpoint (<c>GET /users/{id}/syncedRules/{ruleId}</c>).
/// PingOne has a record only once its engine has considered the user for the rule; without one, the module says
/// what it can see (rule or connection disabled, user in another population, user disabled).
/// </summary>
public sealed class AqueraProvisioningStatus
{
    private static readonly string[] s_known = { "Success", "Failed", "Unsynced", "Partial", "Deprovisioned" };
    private readonly PingOneApi _api;
    private readonly AqueraDirectory _directory;
    private readonly AqueraRules _rules;

    internal AqueraProvisioningStatus(PingOneApi api, AqueraDirectory directory, AqueraRules rules)
    {
        _api = api;
        _directory = directory;
        _rules = rules;
    }

    /// <summary>The user's status for each rule (every rule to an Aquera connection when <paramref name="rules"/> is null).</summary>
    /// <param name="catalog">This invocation's catalog.</param>
    /// <param name="user">A username or user id.</param>
    /// <param name="rules">The rules to ask about; null for every rule to an Aquera connection.</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public async Task<IReadOnlyList<AqueraUserProvisioningStatus>> GetUserStatusAsync(ProvisioningCatalog catalog, string user, IReadOnlyList<AqueraProvisioningRule>? rules, OperationContext context, CancellationToken cancellationToken)
    {
        if (catalog is null)
        {
            throw new ArgumentNullException(nameof(catalog));
        }

        AqueraDirectoryUser found = await _directory.ResolveUserAsync(user, context, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<AqueraProvisioningRule> asked = rules ?? await _rules.ListAsync(catalog, null, false, context, cancellationToken).ConfigureAwait(false);
        var result = new List<AqueraUserProvisioningStatus>();
        foreach (AqueraProvisioningRule rule in asked)
        {
            result.Add(await StatusAsync(catalog, found, rule, context, cancellationToken).ConfigureAwait(false));
        }

        return result;
    }

    /// <summary>PingOne's status word in one spelling whatever the tenant's case (<c>SUCCESS</c>, <c>Success</c>); others as they came.</summary>
    internal static string Normalize(string? status)
    {
        string text = (status ?? string.Empty).Trim();
        return s_known.FirstOrDefault(k => string.Equals(k, text, StringComparison.OrdinalIgnoreCase)) ?? (text.Length == 0 ? "Unknown" : text);
    }

    private async Task<AqueraUserProvisioningStatus> StatusAsync(ProvisioningCatalog catalog, AqueraDirectoryUser user, AqueraProvisioningRule rule, OperationContext context, CancellationToken cancellationToken)
    {
        var status = new AqueraUserProvisioningStatus
        {
            User = user.Username,
            UserId = user.Id,
            Rule = rule.Name,
            RuleId = rule.Id,
            Connection = rule.ConnectionName,
            ConnectionId = rule.ConnectionId,
        };
        SyncedRule? synced;
        try
        {
            synced = await _api.SendAsync(
                new PingOneRequest(HttpMethod.Get, _api.Url("users/" + Uri.EscapeDataString(user.Id) + "/syncedRules/" + Uri.EscapeDataString(rule.Id)), PingOneResourceKind.Rule, rule.Id),
                CoreJson.Default.SyncedRule,
                context,
                cancellationToken).ConfigureAwait(false);
        }
        catch (PingOneApiException ex) when (ex.IsNotFound)
        {
            status.Status = AqueraUserProvisioningStatus.NotSynced;
            status.Explanation = await ExplainAbsenceAsync(catalog, user, rule, context, cancellationToken).ConfigureAwait(false);
            return status;
        }

        status.Status = Normalize(synced?.Status);
        status.LastSyncAt = synced?.LastSyncAt;
        status.Details = (synced?.Details ?? new List<SyncedRuleDetail>()).Select(d => Redactor.RedactText(d.ToString())).ToList();
        status.Explanation = status.Status switch
        {
            "Success" => null,
            "Failed" => "PingOne tried and the Aquera side failed" + Reason(synced) + ".",
            "Unsynced" => "PingOne did not create an account for the user" + Reason(synced) + ".",
            "Partial" => "The user has an account in Aquera, but a change was not made" + Reason(synced) + ".",
            "Deprovisioned" => "The user left the rule's scope (or PingOne), and the connection's remove action ran" + Reason(synced) + ".",
            _ => synced?.Details is { Count: > 0 } ? Reason(synced).TrimStart(':', ' ') : null,
        };
        return status;
    }

    private static string Reason(SyncedRule? synced) =>
        synced?.Details is { Count: > 0 } details ? ": " + Redactor.RedactText(string.Join("; ", details.Select(d => d.Message ?? d.Code))) : string.Empty;

    private static async Task<string> ExplainAbsenceAsync(ProvisioningCatalog catalog, AqueraDirectoryUser user, AqueraProvisioningRule rule, OperationContext context, CancellationToken cancellationToken)
    {
        if (!rule.Enabled)
        {
            return "PingOne has no sync record: the rule is disabled, so it provisions nobody.";
        }

        PropagationStore? connection = await catalog.StoreAsync(rule.ConnectionId, context, cancellationToken).ConfigureAwait(false);
        if (connection != null && !string.Equals(connection.Status, AqueraKeys.StatusActive, StringComparison.OrdinalIgnoreCase))
        {
            return "PingOne has no sync record: the connection '" + connection.Name + "' is disabled, so the rule sends nothing.";
        }

        if (rule.Populations.Count > 0 && user.PopulationId != null && !rule.Populations.Any(p => string.Equals(p.Id, user.PopulationId, StringComparison.OrdinalIgnoreCase)))
        {
            AqueraDirectoryEntry population = await catalog.ResolvePopulationAsync(user.PopulationId, context, cancellationToken).ConfigureAwait(false);
            return string.Format(
                CultureInfo.InvariantCulture,
                "PingOne has no sync record: the user is in the population '{0}', which is not among the rule's populations ({1}).",
                population,
                string.Join(", ", rule.Populations.Select(p => p.ToString())));
        }

        if (!user.Enabled)
        {
            return "PingOne has no sync record: the user is disabled in PingOne, and a disabled user without an account is not created.";
        }

        return "PingOne has no sync record of the user for this rule: the user may be outside the rule's filter" +
            (string.IsNullOrEmpty(rule.Filter) ? string.Empty : " (" + rule.Filter + ")") +
            ", or the rule has not run since the user or the rule changed (a propagation revision starts a full sync).";
    }
}

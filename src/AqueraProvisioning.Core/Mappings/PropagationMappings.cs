using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core;

/// <summary>
/// The attribute mapping endpoints: a rule's mappings, one mapping, and the delete on the plural path
/// (<c>/propagation/mappings/{id}</c>) or the spec's singular one (<c>/propagation/mapping/{id}</c>), whichever the
/// tenant takes (remembered for the session).
/// </summary>
internal sealed class PropagationMappings
{
    public const string Path = "propagation/mappings";
    private const string SingularPath = "propagation/mapping";

    /// <summary>The tenant choice in effect once the plural delete answered 404/405: mappings are deleted on the singular path.</summary>
    internal const string SingularDeleteChoice = "delete-mappings-at-propagation-mapping";

    private readonly PingOneApi _api;

    public PropagationMappings(PingOneApi api)
    {
        _api = api;
    }

    public Task<IReadOnlyList<PropagationMapping>> ListAsync(string ruleId, OperationContext context, CancellationToken cancellationToken) =>
        _api.ListAllAsync(OfRule(ruleId), context, cancellationToken);

    public async Task<PropagationMapping> GetAsync(string mappingId, OperationContext context, CancellationToken cancellationToken) =>
        await _api.SendAsync(new PingOneRequest(HttpMethod.Get, _api.Url(Path, mappingId), PingOneResourceKind.Mapping, mappingId), CoreJson.Default.PropagationMapping, context, cancellationToken).ConfigureAwait(false)
        ?? throw new AqueraOperationException(ErrorIds.InvalidResponse, "PingOne answered the GET of the mapping " + mappingId + " without a body.");

    /// <summary>Creates a mapping; an unknown outcome is settled by looking for the rule's mapping with that target.</summary>
    public Task<PropagationMapping> CreateAsync(string ruleId, PropagationMapping body, OperationContext context, CancellationToken cancellationToken) =>
        UnknownOutcome.SendAsync(
            "the create of the mapping to '" + body.TargetAttribute + "'",
            async () => await _api.SendAsync(
                new PingOneRequest(HttpMethod.Post, _api.Url(PropagationRules.Path + "/" + Uri.EscapeDataString(ruleId) + "/mappings"), PingOneResourceKind.Rule, ruleId)
                {
                    Body = PingOneApi.JsonBody(() => body, CoreJson.Default.PropagationMapping),
                    RetryMode = RetryMode.OnlyWhenNotProcessed,
                },
                CoreJson.Default.PropagationMapping,
                context,
                cancellationToken).ConfigureAwait(false) ?? body,
            async _ =>
            {
                PropagationMapping? found = (await ListAsync(ruleId, context, cancellationToken).ConfigureAwait(false))
                    .FirstOrDefault(m => string.Equals(m.TargetAttribute, body.TargetAttribute, StringComparison.OrdinalIgnoreCase));
                return (found != null, found!);
            },
            ex => new AqueraOperationException(
                ErrorIds.CreateOutcomeUnknown,
                "The mapping to '" + body.TargetAttribute + "' could not be created: PingOne kept failing (" + ex.Message + "), and it was not found afterwards.",
                ex)
            { Name = body.TargetAttribute },
            _api.Retry,
            context,
            cancellationToken);

    public async Task<PropagationMapping> ReplaceAsync(string mappingId, PropagationMapping replacement, OperationContext context, CancellationToken cancellationToken) =>
        await _api.SendAsync(
            new PingOneRequest(HttpMethod.Put, _api.Url(Path, mappingId), PingOneResourceKind.Mapping, mappingId) { Body = PingOneApi.JsonBody(() => replacement, CoreJson.Default.PropagationMapping) },
            CoreJson.Default.PropagationMapping,
            context,
            cancellationToken).ConfigureAwait(false)
        ?? replacement;

    /// <summary>
    /// Deletes a mapping on the path the tenant takes; the other path is tried on 404 or 405. A 404 on one path
    /// and a 404 or 405 on the other means the mapping is gone already, which is what was asked.
    /// </summary>
    public Task DeleteAsync(string mappingId, OperationContext context, CancellationToken cancellationToken) =>
        UnknownOutcome.SendAsync(
            "the delete of the mapping " + mappingId,
            async () =>
            {
                await DeleteOnEitherPathAsync(mappingId, context, cancellationToken).ConfigureAwait(false);
                return true;
            },
            async _ => (!await _api.ExistsAsync(_api.Url(Path, mappingId), PingOneResourceKind.Mapping, mappingId, context, cancellationToken).ConfigureAwait(false), true),
            ex => ex,
            _api.Retry,
            context,
            cancellationToken);

    private static PingOneCollection<PropagationMapping> OfRule(string ruleId) =>
        new PingOneCollection<PropagationMapping>(PropagationRules.Path + "/" + Uri.EscapeDataString(ruleId) + "/mappings", "mappings", CoreJson.Default.ListPropagationMapping, PageShapes.Any, PingOneResourceKind.Rule, ruleId);

    private async Task DeleteOnEitherPathAsync(string mappingId, OperationContext context, CancellationToken cancellationToken)
    {
        bool singularFirst = _api.Choices.Has(SingularDeleteChoice);
        string first = singularFirst ? SingularPath : Path;
        string second = singularFirst ? Path : SingularPath;
        int firstStatus;
        try
        {
            await SendDeleteAsync(first, mappingId, context, cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (PingOneApiException ex) when (ex.StatusCode == 404 || ex.StatusCode == 405)
        {
            firstStatus = ex.StatusCode;
        }

        try
        {
            await SendDeleteAsync(second, mappingId, context, cancellationToken).ConfigureAwait(false);
            _api.Choices.Set(
                SingularDeleteChoice,
                !singularFirst,
                context,
                "PingOne answered " + firstStatus.ToString(CultureInfo.InvariantCulture) + " to a mapping delete on /" + first + "/{id}. Mappings are deleted at /" + second + "/{id} from now on in this session.");
        }
        catch (PingOneApiException ex) when ((ex.StatusCode == 404 && (firstStatus == 404 || firstStatus == 405)) || (ex.StatusCode == 405 && firstStatus == 404))
        {
            context.Log.Verbose("The mapping " + mappingId + " is not there on either delete path; it is gone already.");
        }
    }

    private Task SendDeleteAsync(string path, string mappingId, OperationContext context, CancellationToken cancellationToken) =>
        _api.SendAsync(new PingOneRequest(HttpMethod.Delete, _api.Url(path, mappingId), PingOneResourceKind.Mapping, mappingId) { RetryMode = RetryMode.OnlyWhenNotProcessed }, context, cancellationToken);
}

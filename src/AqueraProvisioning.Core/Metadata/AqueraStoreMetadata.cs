using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core;

/// <summary>
/// The Aquera target attributes of a connection, from <c>POST /propagation/storeMetadata/Aquera</c>: with the
/// connection's configuration PingOne also asks Aquera for the application's own attributes; without it (no
/// stored secret returned, or Aquera not answering) only the static ones come back.
/// </summary>
public sealed class AqueraStoreMetadata
{
    /// <summary>The tenant choice in effect once the wrapped request body was refused: the configuration keys go at the top level.</summary>
    internal const string FlatBodyChoice = "metadata-configuration-at-top-level";

    private readonly PingOneApi _api;
    private readonly PropagationStores _stores;

    internal AqueraStoreMetadata(PropagationStores stores)
    {
        _api = stores.Api;
        _stores = stores;
    }

    /// <summary>The target attributes a mapping of a rule to this connection can fill.</summary>
    /// <param name="connectionId">The connection id.</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public async Task<IReadOnlyList<AqueraAttributeMetadata>> GetAqueraAttributesAsync(string connectionId, OperationContext context, CancellationToken cancellationToken)
    {
        string id = AqueraInput.RequireId(connectionId, "Connection");
        PropagationStore store = await _stores.GetAsync(id, context, cancellationToken).ConfigureAwait(false)
            ?? throw new AqueraOperationException(ErrorIds.InvalidResponse, "PingOne answered the GET of the store " + id + " without a body.");
        if (!StoreMapper.IsAquera(store))
        {
            throw AqueraConnections.NotAnAquera(id, store);
        }

        return await GetAsync(store, context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The metadata of a store already read: dynamic when its secret came back, else static.</summary>
    internal async Task<IReadOnlyList<AqueraAttributeMetadata>> GetAsync(PropagationStore store, OperationContext context, CancellationToken cancellationToken)
    {
        Dictionary<string, JsonElement> configuration = store.Configuration ?? new Dictionary<string, JsonElement>();
        IReadOnlyDictionary<string, JsonElement>? body = null;
        if (!StoreMapper.ReturnsSecret(store))
        {
            context.Log.Verbose("PingOne did not return the stored secret of '" + store.Name + "', so only the static Aquera attributes are read, not the application's own.");
        }
        else
        {
            body = await DynamicAsync(store, configuration, context, cancellationToken).ConfigureAwait(false);
        }

        body ??= await PostAsync(new StoreMetadataRequest(), context, cancellationToken).ConfigureAwait(false);
        return StoreMetadataReader.Read(body).Select(a =>
        {
            a.ConnectionId = store.Id;
            a.ConnectionName = store.Name;
            return a;
        }).ToList();
    }

    /// <summary>
    /// The shape that worked last first (wrapped to begin with), the other when that shape is refused; null (static,
    /// with a warning) when Aquera could not be asked.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, JsonElement>?> DynamicAsync(PropagationStore store, Dictionary<string, JsonElement> configuration, OperationContext context, CancellationToken cancellationToken)
    {
        bool flat = _api.Choices.Has(FlatBodyChoice);
        for (int attempt = 0; attempt < 2; attempt++)
        {
            bool sendFlat = flat;
            try
            {
                IReadOnlyDictionary<string, JsonElement> answer = await PostAsync(
                    sendFlat ? new StoreMetadataRequest { Flat = configuration } : new StoreMetadataRequest { Type = AqueraKeys.StoreType, Configuration = configuration },
                    context,
                    cancellationToken).ConfigureAwait(false);
                if (attempt > 0)
                {
                    _api.Choices.Set(
                        FlatBodyChoice,
                        sendFlat,
                        context,
                        "PingOne refused the store metadata request with the configuration " + (sendFlat ? "wrapped" : "keys at the top level")
                        + ". Store metadata is asked for with the configuration " + (sendFlat ? "keys at the top level" : "wrapped in {\"type\",\"configuration\"}") + " from now on in this session.");
                }

                return answer;
            }
            catch (PingOneApiException ex) when (ex.StatusCode == 400 && !NamesConfigurationKey(ex) && attempt == 0)
            {
                context.Log.Verbose("PingOne refused the configuration in that shape (" + ex.ApiMessage + "); trying the other.");
                flat = !flat;
            }
            catch (PingOneApiException ex) when (ex.StatusCode == 400)
            {
                context.Log.Warning("PingOne could not read the attributes of the application behind '" + store.Name + "' (" + (ex.Details.Count > 0 ? ex.Details[0].Message : ex.ApiMessage) + "); these are the static Aquera attributes.");
                return null;
            }
        }

        return null;
    }

    private static bool NamesConfigurationKey(PingOneApiException ex) =>
        ex.Details.Any(d => d.Target != null && d.Target.StartsWith("configuration.", StringComparison.OrdinalIgnoreCase));

    private async Task<IReadOnlyDictionary<string, JsonElement>> PostAsync(StoreMetadataRequest request, OperationContext context, CancellationToken cancellationToken) =>
        await _api.SendAsync(
            new PingOneRequest(HttpMethod.Post, _api.Url("propagation/storeMetadata/" + AqueraKeys.StoreType), PingOneResourceKind.Environment, _api.EnvironmentId)
            {
                Body = PingOneApi.JsonBody(() => request, CoreJson.Default.StoreMetadataRequest),
            },
            CoreJson.Default.DictionaryStringJsonElement,
            context,
            cancellationToken).ConfigureAwait(false)
        ?? new Dictionary<string, JsonElement>();
}

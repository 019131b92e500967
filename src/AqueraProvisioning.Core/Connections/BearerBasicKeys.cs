using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core;

/// <summary>
/// The spec marks BASIC_AUTH_USER and BASIC_AUTH_PASSWORD required whatever the authentication method, although a
/// bearer connection has no use for them (API Q4). Every body of a bearer connection (create, replace, connection
/// check) goes through here: it is sent without them, never with a Basic password; only when PingOne answers
/// exactly "those two are required" is it sent once more with both present and empty, and the session sends them
/// so from then on.
/// </summary>
internal sealed class BearerBasicKeys
{
    public const string Choice = "basic-keys-with-bearer";

    private static readonly string[] s_targets = { "configuration." + AqueraKeys.BasicAuthUser, "configuration." + AqueraKeys.BasicAuthPassword };

    private readonly TenantChoices _choices;

    public BearerBasicKeys(TenantChoices choices)
    {
        _choices = choices;
    }

    /// <summary>Sends the body <paramref name="build"/> makes (per attempt) with <paramref name="send"/>, shaped for its authentication method.</summary>
    public async Task<T> SendAsync<T>(Func<PropagationStore> build, Func<Func<PropagationStore>, Task<T>> send, OperationContext context)
    {
        bool withKeys = _choices.Has(Choice);
        bool bearer = false;
        Func<PropagationStore> Shaped(bool keys) => () =>
        {
            PropagationStore body = build();
            bearer = Shape(body, keys);
            return body;
        };

        try
        {
            return await send(Shaped(withKeys)).ConfigureAwait(false);
        }
        catch (PingOneApiException ex) when (bearer && !withKeys && AsksForBasicKeys(ex))
        {
            _choices.Adopt(Choice, context, "PingOne requires BASIC_AUTH_USER and BASIC_AUTH_PASSWORD with a bearer token too; this session sends them empty with every bearer connection from now on.");
            return await send(Shaped(true)).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Exactly the answer that shows the tenant wants the keys: a 400 INVALID_DATA whose every detail is
    /// REQUIRED_VALUE on one of the two. Anything else (another field wrong as well) is not worth a resend.
    /// </summary>
    internal static bool AsksForBasicKeys(PingOneApiException failure) =>
        failure.StatusCode == 400
        && string.Equals(failure.Code, "INVALID_DATA", StringComparison.Ordinal)
        && failure.Details.Count > 0
        && failure.Details.All(d =>
            string.Equals(d.Code, "REQUIRED_VALUE", StringComparison.Ordinal)
            && s_targets.Contains(d.Target ?? string.Empty, StringComparer.OrdinalIgnoreCase));

    /// <summary>For a bearer body, leaves the Basic keys out or sends them empty; true when the body is a bearer one.</summary>
    private static bool Shape(PropagationStore body, bool withKeys)
    {
        if (body.Configuration is not { } config
            || StoreMapper.AuthenticationOf(config) != AqueraAuthenticationMethod.BearerToken)
        {
            return false;
        }

        if (withKeys)
        {
            JsonElement empty = JsonSerializer.SerializeToElement(string.Empty, CoreJson.Default.String);
            config[AqueraKeys.BasicAuthUser] = empty;
            config[AqueraKeys.BasicAuthPassword] = empty;
        }
        else
        {
            config.Remove(AqueraKeys.BasicAuthUser);
            config.Remove(AqueraKeys.BasicAuthPassword);
        }

        return true;
    }
}

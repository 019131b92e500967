using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core;

/// <summary>
/// Reads an environment into the configuration document model: its Aquera connections, the rules that send to them
/// (populations and groups by name) and each rule's mappings. It sends only reads: the pages of the store, rule,
/// population and group lists, and one mapping list per rule. Ids, timestamps, sync counters and secrets stay out of
/// the document.
/// </summary>
public static class ConfigurationEnvironmentReader
{
    /// <summary>Reads the environment of the session.</summary>
    /// <param name="session">The session.</param>
    /// <param name="catalog">This invocation's catalog (of the same session).</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public static async Task<ConfigurationEnvironment> ReadAsync(PingOneSession session, ProvisioningCatalog catalog, OperationContext context, CancellationToken cancellationToken)
    {
        if (session is null)
        {
            throw new ArgumentNullException(nameof(session));
        }

        if (catalog is null)
        {
            throw new ArgumentNullException(nameof(catalog));
        }

        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        var document = new AqueraConfiguration();
        var names = new ConfigurationEnvironmentNames();
        var environment = new ConfigurationEnvironment(document, names, catalog);
        IReadOnlyList<PropagationStore> stores = await catalog.StoresAsync(context, cancellationToken).ConfigureAwait(false);
        foreach (PropagationStore store in stores.Where(StoreMapper.IsAquera))
        {
            AqueraConnection connection = StoreMapper.ToConnection(store, session.Settings.EnvironmentId);
            if (environment.Connections.TryGetValue(connection.Name, out AqueraConnection? first))
            {
                // PingOne does not enforce unique store names; the module does, and the first one is the one it finds by name.
                context.Log.Warning("The environment has more than one connection named '" + connection.Name + "'; the configuration describes the first, " + first.Id + ".");
                continue;
            }

            environment.Connections.Add(connection.Name, connection);
            names.Connections.Add(connection.Name);
            document.Connections.Add(ToDocument(store, connection));
            string stored = StoreMapper.StoredSecret(store);
            if (stored.Length > 0)
            {
                environment.StoredSecretDigests[connection.Name] = SecretDigest.Of(stored);
            }
            else
            {
                environment.SecretNotReturned.Add(connection.Name);
            }
        }

        foreach (AqueraProvisioningRule rule in await session.Rules.ListAsync(catalog, null, includeMappings: true, context, cancellationToken).ConfigureAwait(false))
        {
            if (environment.Rules.ContainsKey(rule.Name) || rule.ConnectionName is null || !environment.Connections.ContainsKey(rule.ConnectionName))
            {
                continue;
            }

            environment.Rules.Add(rule.Name, rule);
            document.Rules.Add(ToDocument(rule));
        }

        foreach (AqueraDirectoryEntry population in await catalog.PopulationsAsync(context, cancellationToken).ConfigureAwait(false))
        {
            AddName(names.Populations, population);
        }

        foreach (AqueraDirectoryEntry group in await catalog.GroupsAsync(context, cancellationToken).ConfigureAwait(false))
        {
            AddName(names.Groups, group);
        }

        document.SortByName();
        return environment;
    }

    private static AqueraConfigurationConnection ToDocument(PropagationStore store, AqueraConnection connection)
    {
        IReadOnlyDictionary<string, JsonElement> config = store.Configuration ?? new Dictionary<string, JsonElement>();
        AqueraAuthenticationMethod method = connection.AuthenticationMethod ?? AqueraAuthenticationMethod.BearerToken;
        return new AqueraConfigurationConnection
        {
            Name = connection.Name,
            Description = connection.Description ?? string.Empty,
            ScimUrl = StoreMapper.ReadString(config, AqueraKeys.ScimUrl) ?? string.Empty,
            AuthenticationMethod = method,
            BasicAuthUser = method == AqueraAuthenticationMethod.BasicAuth ? StoreMapper.ReadString(config, AqueraKeys.BasicAuthUser) ?? string.Empty : null,
            AllowCreate = connection.AllowCreate,
            AllowUpdate = connection.AllowUpdate,
            AllowDisable = connection.AllowDisable,
            RemoveAction = connection.RemoveAction ?? AqueraRemoveAction.Disable,
            DeprovisionOnRuleDeletion = connection.DeprovisionOnRuleDeletion,
            GroupNameSource = connection.GroupNameSource,
            State = connection.Enabled ? AqueraConnectionState.Enabled : AqueraConnectionState.Disabled,
        };
    }

    private static AqueraConfigurationRule ToDocument(AqueraProvisioningRule rule)
    {
        var item = new AqueraConfigurationRule
        {
            Name = rule.Name,
            Connection = rule.ConnectionName ?? string.Empty,
            Description = rule.Description ?? string.Empty,
            Filter = rule.Filter ?? string.Empty,
            State = rule.Enabled ? AqueraConnectionState.Enabled : AqueraConnectionState.Disabled,
        };

        // A population or group that no longer exists has no name; its id is all there is, and an import elsewhere
        // then reports it as missing rather than dropping it silently.
        foreach (AqueraDirectoryEntry population in rule.Populations)
        {
            item.Populations.Add(population.ToString());
        }

        foreach (AqueraDirectoryEntry group in rule.Groups)
        {
            item.Groups.Add(group.ToString());
        }

        foreach (AqueraAttributeMapping mapping in rule.Mappings ?? Array.Empty<AqueraAttributeMapping>())
        {
            if (item.FindMapping(mapping.Target) is null)
            {
                item.Mappings.Add(new AqueraConfigurationMapping { Target = mapping.Target, Source = mapping.Source, Expression = mapping.Expression, Type = mapping.Type });
            }
        }

        return item;
    }

    private static void AddName(ISet<string> names, AqueraDirectoryEntry entry)
    {
        if (!string.IsNullOrEmpty(entry.Name))
        {
            names.Add(entry.Name!);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core;

/// <summary>
/// Applies the steps of one import through the session's own connection, rule and mapping operations (their
/// validation, read-modify-write and the look before resending a create whose outcome is unknown), keeping the
/// invocation's catalog up to date so each later step sees what the earlier ones made.
/// </summary>
internal sealed class ConfigurationStepRunner
{
    private readonly PingOneSession _session;
    private readonly ConfigurationImport _import;
    private readonly ConfigurationEnvironment _environment;
    private readonly OperationContext _context;
    private readonly CancellationToken _cancellationToken;
    private readonly MappingIndex _index;

    // Connections this import tested successfully: their rules are enabled without testing them again.
    private readonly HashSet<string> _tested = new HashSet<string>(ConfigurationNames.Comparer);

    public ConfigurationStepRunner(PingOneSession session, ConfigurationImport import, OperationContext context, CancellationToken cancellationToken)
    {
        _session = session;
        _import = import;
        _environment = import.Environment;
        _context = context;
        _cancellationToken = cancellationToken;
        _index = session.Mappings.NewIndex();
    }

    private ProvisioningCatalog Catalog => _environment.Catalog;

    /// <summary>Applies a step, or a rule with its mappings, telling <paramref name="done"/> of each step once it is applied.</summary>
    public Task ApplyAsync(IReadOnlyList<ConfigurationChange> group, Action<ConfigurationChange> done)
    {
        ConfigurationChange first = group[0];
        switch (first.Kind)
        {
            case ConfigurationKind.Connection:
                return ConnectionAsync(first, done);
            case ConfigurationKind.Rule when first.Action == ConfigurationAction.Create:
                return CreateRuleAsync(group, done);
            case ConfigurationKind.Rule when first.Action == ConfigurationAction.Update:
                return UpdateRuleAsync(group, done);
            case ConfigurationKind.Rule:
                return DeleteRuleAsync(first, done);
            default:
                return MappingAsync(first, done);
        }
    }

    private async Task ConnectionAsync(ConfigurationChange change, Action<ConfigurationChange> done)
    {
        switch (change.Action)
        {
            case ConfigurationAction.Create:
                await CreateConnectionAsync((AqueraConfigurationConnection)change.Desired!).ConfigureAwait(false);
                break;
            case ConfigurationAction.Update:
                await UpdateConnectionAsync(change).ConfigureAwait(false);
                break;
            default:
                AqueraConnection connection = _environment.Connections[change.Name];
                await _session.Rules.RequireNotInUseAsync(Catalog, connection, _context, _cancellationToken).ConfigureAwait(false);
                await _session.Connections.DeleteAsync(connection.Id, _context, _cancellationToken).ConfigureAwait(false);
                Catalog.ForgetStore(connection.Id);
                break;
        }

        done(change);
    }

    private async Task CreateConnectionAsync(AqueraConfigurationConnection item)
    {
        var draft = new AqueraConnectionDraft(item.Name, item.ScimUrl, Credential(item.Name))
        {
            Description = Text(item.Description),
            AllowCreate = item.AllowCreate,
            AllowUpdate = item.AllowUpdate,
            AllowDisable = item.AllowDisable,
            RemoveAction = item.RemoveAction,
            DeprovisionOnRuleDeletion = item.DeprovisionOnRuleDeletion,
            GroupNameSource = item.GroupNameSource,
            Enabled = item.State == AqueraConnectionState.Enabled,
        };

        // Tested before it is created enabled, as the console does; a disabled one is tested when it is enabled.
        if (draft.Enabled)
        {
            AqueraConnectionTestResult test = await _session.Connections.TestAsync(draft, _context, _cancellationToken).ConfigureAwait(false);
            if (test.Success)
            {
                _tested.Add(item.Name);
            }
            else if (!_import.Options.Force)
            {
                throw AqueraConnections.TestFailedBeforeCreate(item.Name, test);
            }
            else
            {
                _context.Log.Warning("'" + item.Name + "' is created enabled although its connection test failed: " + test.Message);
            }
        }

        AqueraCreateResult created = await _session.Connections.CreateAsync(draft, skipTest: true, force: false, _context, _cancellationToken).ConfigureAwait(false);
        Catalog.Remember(created.Connection);
    }

    private async Task UpdateConnectionAsync(ConfigurationChange change)
    {
        var item = (AqueraConfigurationConnection)change.Desired!;
        var changes = new AqueraConnectionChanges();
        foreach (ConfigurationPropertyChange property in change.Properties)
        {
            switch (property.Property)
            {
                case ConfigurationKeys.Name: changes.Name = item.Name; break;
                case ConfigurationKeys.Description: changes.Description = item.Description; break;
                case ConfigurationKeys.ScimUrl: changes.ScimUrl = new Uri(item.ScimUrl, UriKind.Absolute); break;
                case ConfigurationKeys.AllowCreate: changes.AllowCreate = item.AllowCreate; break;
                case ConfigurationKeys.AllowUpdate: changes.AllowUpdate = item.AllowUpdate; break;
                case ConfigurationKeys.AllowDisable: changes.AllowDisable = item.AllowDisable; break;
                case ConfigurationKeys.RemoveAction: changes.RemoveAction = item.RemoveAction; break;
                case ConfigurationKeys.DeprovisionOnRuleDeletion: changes.DeprovisionOnRuleDeletion = item.DeprovisionOnRuleDeletion; break;
                case ConfigurationKeys.GroupNameSource: changes.GroupNameSource = item.GroupNameSource; break;
                case ConfigurationKeys.State: changes.State = item.State; break;
                default: break; // The authentication method and Basic user travel with the credential.
            }
        }

        if (change.NeedsCredential)
        {
            changes.Credential = Credential(item.Name);
        }

        AqueraConnection current = _environment.Connections[change.Name];
        PendingUpdate pending = await _session.Connections.PrepareUpdateAsync(current.Id, changes, _context, _cancellationToken).ConfigureAwait(false);
        AqueraUpdateResult result = await _session.Connections.ApplyAsync(pending, new AqueraUpdateOptions { Force = _import.Options.Force }, _context, _cancellationToken).ConfigureAwait(false);
        if (result.Test?.Success == true)
        {
            _tested.Add(item.Name);
        }

        Catalog.Remember(result.Connection);
    }

    private async Task CreateRuleAsync(IReadOnlyList<ConfigurationChange> group, Action<ConfigurationChange> done)
    {
        var item = (AqueraConfigurationRule)group[0].Desired!;
        var draft = new AqueraRuleDraft(item.Name)
        {
            ConnectionName = item.Connection,
            Description = Text(item.Description),
            Filter = Text(item.Filter),
            Enabled = item.State == AqueraConnectionState.Enabled,
            UseDefaultMappings = false,
        };
        Copy(item.Populations, draft.Populations);
        Copy(item.Groups, draft.Groups);
        List<ConfigurationChange> mappings = group.Skip(1).ToList();
        foreach (ConfigurationChange mapping in mappings)
        {
            draft.Mappings.Add(Draft((AqueraConfigurationMapping)mapping.Desired!));
        }

        PendingRuleCreate pending = await _session.Rules.PrepareCreateAsync(Catalog, draft, _context, _cancellationToken).ConfigureAwait(false);
        await _session.Rules.CreateAsync(Catalog, pending, SkipsConnectionCheck(item.Connection), made => done(mappings[made]), _context, _cancellationToken).ConfigureAwait(false);
        done(group[0]);
    }

    private async Task UpdateRuleAsync(IReadOnlyList<ConfigurationChange> group, Action<ConfigurationChange> done)
    {
        ConfigurationChange change = group[0];
        var item = (AqueraConfigurationRule)change.Desired!;
        AqueraProvisioningRule rule = _environment.Rules[change.Name];
        var changes = new AqueraRuleChanges();
        bool enables = false;
        foreach (ConfigurationPropertyChange property in change.Properties)
        {
            switch (property.Property)
            {
                case ConfigurationKeys.Name: changes.NewName = item.Name; break;
                case ConfigurationKeys.Description: changes.Description = item.Description; break;
                case ConfigurationKeys.Populations: changes.Populations = item.Populations.ToList(); break;
                case ConfigurationKeys.Groups: changes.Groups = item.Groups.ToList(); break;
                case ConfigurationKeys.Filter: changes.Filter = item.Filter; break;
                default:
                    // A rule is disabled before its mappings change and enabled only once they are all there.
                    enables = item.State == AqueraConnectionState.Enabled;
                    changes.State = enables ? null : item.State;
                    break;
            }
        }

        if (!changes.IsEmpty)
        {
            rule = await UpdateRuleAsync(rule, changes, item.Connection).ConfigureAwait(false);
        }

        if (!enables)
        {
            done(change);
        }

        foreach (ConfigurationChange mapping in group.Skip(1))
        {
            await MappingAsync(mapping, done, rule).ConfigureAwait(false);
        }

        if (enables)
        {
            await UpdateRuleAsync(rule, new AqueraRuleChanges { State = AqueraConnectionState.Enabled }, item.Connection).ConfigureAwait(false);
            done(change);
        }
    }

    private async Task<AqueraProvisioningRule> UpdateRuleAsync(AqueraProvisioningRule rule, AqueraRuleChanges changes, string connection)
    {
        PendingRuleUpdate pending = await _session.Rules.PrepareUpdateAsync(Catalog, rule.Id, changes, _context, _cancellationToken).ConfigureAwait(false);
        AqueraRuleUpdateResult result = await _session.Rules.ApplyAsync(Catalog, pending, SkipsConnectionCheck(connection), _context, _cancellationToken).ConfigureAwait(false);
        result.Rule.Mappings = rule.Mappings;
        return result.Rule;
    }

    private async Task DeleteRuleAsync(ConfigurationChange change, Action<ConfigurationChange> done)
    {
        await _session.Rules.DeleteAsync(Catalog, _environment.Rules[change.Name], deprovision: false, _context, _cancellationToken).ConfigureAwait(false);
        done(change);
    }

    private Task MappingAsync(ConfigurationChange change, Action<ConfigurationChange> done) =>
        MappingAsync(change, done, _environment.Rules[change.Rule!]);

    private async Task MappingAsync(ConfigurationChange change, Action<ConfigurationChange> done, AqueraProvisioningRule rule)
    {
        _index.Seed(rule, rule.Mappings ?? Array.Empty<AqueraAttributeMapping>());
        var desired = change.Desired as AqueraConfigurationMapping;
        switch (change.Action)
        {
            case ConfigurationAction.Create:
                await _session.Mappings.CreateAsync(rule, Draft(desired!), _index, _context, _cancellationToken).ConfigureAwait(false);
                break;
            case ConfigurationAction.Update:
                var changes = new AqueraMappingChanges();
                foreach (ConfigurationPropertyChange property in change.Properties)
                {
                    switch (property.Property)
                    {
                        case ConfigurationKeys.Target: changes.Target = desired!.Target; break;
                        case ConfigurationKeys.Source: changes.Source = desired!.Source; break;
                        case ConfigurationKeys.Expression: changes.Expression = desired!.Expression; break;
                        default: changes.Type = desired!.Type; break;
                    }
                }

                PendingMappingUpdate pending = await _session.Mappings.PrepareUpdateAsync(Existing(rule, change), changes, _index, rule, _context, _cancellationToken).ConfigureAwait(false);
                await _session.Mappings.ApplyAsync(pending, _index, _context, _cancellationToken).ConfigureAwait(false);
                break;
            default:
                await _session.Mappings.DeleteAsync(Existing(rule, change), _index, _context, _cancellationToken).ConfigureAwait(false);
                break;
        }

        done(change);
    }

    private static AqueraAttributeMapping Existing(AqueraProvisioningRule rule, ConfigurationChange change)
    {
        string target = ((AqueraConfigurationMapping)change.Current!).Target;
        return (rule.Mappings ?? Array.Empty<AqueraAttributeMapping>()).First(m => ConfigurationNames.Same(m.Target, target));
    }

    /// <summary>A rule is enabled without testing its connection again when this import just tested it, or when asked to force.</summary>
    private bool SkipsConnectionCheck(string connection) => _import.Options.Force || _tested.Contains(connection);

    private AqueraCredential Credential(string connection) =>
        _import.Credentials.TryGetValue(connection, out AqueraCredential? credential)
            ? credential
            : throw new InvalidOperationException("The import was prepared without the credential of '" + connection + "'.");

    private static AqueraMappingDraft Draft(AqueraConfigurationMapping mapping) =>
        new AqueraMappingDraft(mapping.Target, mapping.Source, mapping.Expression) { Type = mapping.Type };

    private static string? Text(string value) => string.IsNullOrEmpty(value) ? null : value;

    private static void Copy(IEnumerable<string> from, IList<string> to)
    {
        foreach (string value in from)
        {
            to.Add(value);
        }
    }
}

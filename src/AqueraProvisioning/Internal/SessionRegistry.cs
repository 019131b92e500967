using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using AqueraProvisioning.Core;

namespace AqueraProvisioning.Internal;

/// <summary>
/// One PingOne session per runspace. Keyed weakly by the runspace, so parallel runspaces
/// (<c>ForEach-Object -Parallel</c>) never see each other's session, and a closed runspace frees its own.
/// </summary>
internal static class SessionRegistry
{
    private static readonly ConditionalWeakTable<Runspace, RunspaceSlot> s_slots = new ConditionalWeakTable<Runspace, RunspaceSlot>();

    /// <summary>The slot of the runspace this thread runs, or null outside a runspace.</summary>
    public static RunspaceSlot? Current
    {
        get
        {
            Runspace? runspace = Runspace.DefaultRunspace;
            return runspace is null ? null : s_slots.GetValue(runspace, _ => new RunspaceSlot());
        }
    }
}

/// <summary>
/// What a runspace holds: its session, and what its cmdlets last read for tab completion (connection and rule
/// names, population and group names, each connection's target attributes, each rule's connection). Completers read
/// only this, never the network.
/// </summary>
internal sealed class RunspaceSlot
{
    private readonly NameSet _connections = new NameSet();
    private readonly ConcurrentDictionary<string, string[]> _attributes = new ConcurrentDictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _connectionIds = new ConcurrentDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, (string Id, string ConnectionId)> _rules = new ConcurrentDictionary<string, (string Id, string ConnectionId)>(StringComparer.OrdinalIgnoreCase);

    public PingOneSession? Session { get; set; }

    /// <summary>Connection names seen by the last listing.</summary>
    public IReadOnlyList<string> KnownNames => _connections.Names;

    /// <summary>Rule names seen by the rule cmdlets.</summary>
    public NameSet RuleNames { get; } = new NameSet();

    /// <summary>Population names seen on rules.</summary>
    public NameSet PopulationNames { get; } = new NameSet();

    /// <summary>Group names seen on rules.</summary>
    public NameSet GroupNames { get; } = new NameSet();

    /// <summary>The id of each connection name seen, for completing -Id.</summary>
    public IEnumerable<KeyValuePair<string, string>> ConnectionIds => _connectionIds.ToArray();

    /// <summary>The id of each rule name seen, for completing -Id.</summary>
    public IEnumerable<KeyValuePair<string, string>> RuleIds =>
        _rules.ToArray().Where(r => r.Key.Length > 0 && !string.IsNullOrEmpty(r.Value.Id)).Select(r => new KeyValuePair<string, string>(r.Key, r.Value.Id)).ToArray();

    /// <summary>Replaces what is known of connections with a full listing.</summary>
    public void RememberConnections(IEnumerable<AqueraConnection> connections)
    {
        List<AqueraConnection> all = connections.ToList();
        _connections.ReplaceAll(all.Select(c => c.Name));
        _connectionIds.Clear();
        foreach (AqueraConnection connection in all)
        {
            RememberId(_connectionIds, connection.Name, connection.Id);
        }
    }

    public void RememberConnection(AqueraConnection connection)
    {
        _connections.Add(connection.Name);
        RememberId(_connectionIds, connection.Name, connection.Id);
    }

    public void ForgetConnection(string name)
    {
        _connections.Remove(name);
        _connectionIds.TryRemove(name, out _);
    }

    /// <summary>The target attributes last read for a connection, or null.</summary>
    public IReadOnlyList<string>? AttributesOf(string connectionId) =>
        _attributes.TryGetValue(connectionId, out string[]? names) ? names : null;

    public void RememberAttributes(string connectionId, IEnumerable<string> names) => _attributes[connectionId] = names.ToArray();

    /// <summary>The connection of a rule seen by name, or null.</summary>
    public string? ConnectionOfRule(string ruleName) =>
        _rules.TryGetValue(ruleName, out (string Id, string ConnectionId) rule) ? rule.ConnectionId : null;

    /// <summary>Remembers a rule (its name, its connection, its populations and groups) for completion.</summary>
    public void RememberRule(AqueraProvisioningRule rule)
    {
        RuleNames.Add(rule.Name);
        _rules[rule.Name] = (rule.Id, rule.ConnectionId);
        foreach (AqueraDirectoryEntry population in rule.Populations)
        {
            PopulationNames.Add(population.Name ?? string.Empty);
        }

        foreach (AqueraDirectoryEntry group in rule.Groups)
        {
            GroupNames.Add(group.Name ?? string.Empty);
        }
    }

    /// <summary>Remembers each rule of a listing as it is read, handing it on.</summary>
    public IEnumerable<AqueraProvisioningRule> RememberRules(IEnumerable<AqueraProvisioningRule> rules)
    {
        foreach (AqueraProvisioningRule rule in rules)
        {
            RememberRule(rule);
            yield return rule;
        }
    }

    public void ForgetRule(string ruleName)
    {
        RuleNames.Remove(ruleName);
        _rules.TryRemove(ruleName, out _);
    }

    private static void RememberId(ConcurrentDictionary<string, string> ids, string name, string id)
    {
        if (!string.IsNullOrEmpty(name) && !string.IsNullOrEmpty(id))
        {
            ids[name] = id;
        }
    }
}

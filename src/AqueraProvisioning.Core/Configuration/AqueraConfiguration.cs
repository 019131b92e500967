using System;
using System.Collections.Generic;
using System.Linq;

namespace AqueraProvisioning.Core;

/// <summary>
/// A configuration document: Aquera connections, the outbound rules that feed them and each rule's attribute
/// mappings, as a file in source control holds them (SchemaVersion 1, described in about_AqueraConfiguration).
/// It never holds ids, timestamps, sync counters or a secret; every item is known by its name, so a document taken
/// from one environment applies to another.
/// </summary>
public sealed class AqueraConfiguration
{
    /// <summary>The schema version this module reads and writes.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The schema version of the document (always <see cref="CurrentSchemaVersion"/> once read).</summary>
    public int SchemaVersion { get; } = CurrentSchemaVersion;

    /// <summary>The connections, in file order.</summary>
    public IList<AqueraConfigurationConnection> Connections { get; } = new List<AqueraConfigurationConnection>();

    /// <summary>The rules, in file order. A rule may name a connection the document does not define.</summary>
    public IList<AqueraConfigurationRule> Rules { get; } = new List<AqueraConfigurationRule>();

    /// <summary>The connection with this name (case-insensitive), or null.</summary>
    /// <param name="name">The connection name.</param>
    public AqueraConfigurationConnection? FindConnection(string name) =>
        Connections.FirstOrDefault(c => ConfigurationNames.Same(c.Name, name));

    /// <summary>The rule with this name (case-insensitive), or null.</summary>
    /// <param name="name">The rule name.</param>
    public AqueraConfigurationRule? FindRule(string name) =>
        Rules.FirstOrDefault(r => ConfigurationNames.Same(r.Name, name));

    /// <summary>
    /// Gives every connection without a <see cref="AqueraConfigurationConnection.Secret"/> its default reference
    /// (<see cref="ConfigurationSecretReference.DefaultFor"/>), numbered where two would otherwise share one.
    /// </summary>
    public void AssignDefaultSecretReferences() => DefaultSecretReferences.Assign(Connections);

    /// <summary>
    /// Puts connections and rules in name order and each rule's mappings in target order, so that two exports of
    /// the same environment are the same text whatever order PingOne lists things in.
    /// </summary>
    public void SortByName()
    {
        Replace(Connections, Connections.OrderBy(c => c.Name, ConfigurationNames.Order).ToList());
        Replace(Rules, Rules.OrderBy(r => r.Name, ConfigurationNames.Order).ToList());
        foreach (AqueraConfigurationRule rule in Rules)
        {
            Replace(rule.Mappings, rule.Mappings.OrderBy(m => m.Target, ConfigurationNames.Order).ToList());
        }
    }

    private static void Replace<T>(IList<T> list, List<T> items)
    {
        list.Clear();
        foreach (T item in items)
        {
            list.Add(item);
        }
    }
}

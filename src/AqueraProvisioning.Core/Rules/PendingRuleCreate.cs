using System.Collections.Generic;

namespace AqueraProvisioning.Core;

/// <summary>
/// A rule create that has been checked and resolved (connection, populations, groups, the name free) but not sent:
/// the pause where a cmdlet asks ShouldProcess.
/// </summary>
public sealed class PendingRuleCreate
{
    internal PendingRuleCreate(AqueraRuleDraft draft, string name, string? description, PropagationStore connection, IReadOnlyList<AqueraDirectoryEntry> populations, IReadOnlyList<AqueraDirectoryEntry> groups, string? filter, IReadOnlyList<AqueraMappingDraft> mappings)
    {
        Draft = draft;
        Name = name;
        Description = description;
        Connection = connection;
        Populations = populations;
        Groups = groups;
        Filter = filter;
        Mappings = mappings;
    }

    /// <summary>The rule name.</summary>
    public string Name { get; }

    /// <summary>The connection's name.</summary>
    public string ConnectionName => Connection.Name ?? Connection.Id ?? string.Empty;

    /// <summary>The connection's id.</summary>
    public string ConnectionId => Connection.Id ?? string.Empty;

    /// <summary>The resolved populations.</summary>
    public IReadOnlyList<AqueraDirectoryEntry> Populations { get; }

    /// <summary>The resolved groups.</summary>
    public IReadOnlyList<AqueraDirectoryEntry> Groups { get; }

    /// <summary>The free filter, if any.</summary>
    public string? Filter { get; }

    /// <summary>
    /// The connection's target attributes as the create read them to check the default mappings; null until the
    /// create ran, or when it did not need them (no default mappings) or could not read them.
    /// </summary>
    public IReadOnlyList<AqueraAttributeMetadata>? AttributeMetadata { get; internal set; }

    /// <summary>Whether the rule is to be enabled.</summary>
    public bool Enabled => Draft.Enabled;

    internal AqueraRuleDraft Draft { get; }

    internal string? Description { get; }

    internal PropagationStore Connection { get; }

    /// <summary>The validated explicit mappings.</summary>
    internal IReadOnlyList<AqueraMappingDraft> Mappings { get; }
}

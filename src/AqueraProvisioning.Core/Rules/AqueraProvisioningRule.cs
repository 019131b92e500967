using System;
using System.Collections.Generic;

namespace AqueraProvisioning.Core;

/// <summary>
/// An outbound provisioning rule from the PingOne directory to an Aquera connection, as the admin console shows
/// it: which users (populations and a filter) and groups it sends, to which connection, and whether it is enabled.
/// </summary>
public sealed class AqueraProvisioningRule
{
    /// <summary>The rule id.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The PingOne environment that holds it.</summary>
    public string EnvironmentId { get; set; } = string.Empty;

    /// <summary>The rule name, unique in the environment by this module's rule.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The description.</summary>
    public string? Description { get; set; }

    /// <summary>The id of the Aquera connection (the rule's target store).</summary>
    public string ConnectionId { get; set; } = string.Empty;

    /// <summary>The name of the Aquera connection.</summary>
    public string? ConnectionName { get; set; }

    /// <summary>The console's rule toggle (<c>active</c>).</summary>
    public bool Enabled { get; set; }

    /// <summary>The populations whose users the rule sends (any of them), with their names.</summary>
    public IReadOnlyList<AqueraDirectoryEntry> Populations { get; set; } = Array.Empty<AqueraDirectoryEntry>();

    /// <summary>The groups the rule provisions (the groups and their memberships), with their names.</summary>
    public IReadOnlyList<AqueraDirectoryEntry> Groups { get; set; } = Array.Empty<AqueraDirectoryEntry>();

    /// <summary>The user filter ANDed with the populations (the free part of the population expression); null for none.</summary>
    public string? Filter { get; set; }

    /// <summary>The <c>populationExpression</c> exactly as PingOne holds it.</summary>
    public string? PopulationExpression { get; set; }

    /// <summary>The propagation plan the rule belongs to.</summary>
    public string? PlanId { get; set; }

    /// <summary>The source store: the PingOne directory (a store of type <c>directory</c>).</summary>
    public string? SourceStoreId { get; set; }

    /// <summary>How many attribute mappings the rule has; null when they were not read.</summary>
    public int? MappingCount { get; set; }

    /// <summary>The attribute mappings; null when they were not read.</summary>
    public IReadOnlyList<AqueraAttributeMapping>? Mappings { get; set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>When it was last changed.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The rule name.</summary>
    public override string ToString() => Name;
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AqueraProvisioning.Core;

/// <summary>
/// A propagation rule as it travels on the wire. The spec has no schema for it, so every member is optional, and
/// any member this version does not know is kept in <see cref="PropagationResource.Extra"/>: a read-modify-write sends back exactly
/// what came, changed only where asked.
/// </summary>
internal sealed class PropagationRule : PropagationResource
{
    [JsonPropertyName("plan")]
    public ResourceReference? Plan { get; set; }

    [JsonPropertyName("sourceStore")]
    public ResourceReference? SourceStore { get; set; }

    [JsonPropertyName("targetStore")]
    public ResourceReference? TargetStore { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("active")]
    public bool? Active { get; set; }

    [JsonPropertyName("populationExpression")]
    public string? PopulationExpression { get; set; }

    [JsonPropertyName("groups")]
    public List<ResourceReference>? Groups { get; set; }

    /// <summary>Deprecated in favour of <see cref="PopulationExpression"/>, but still read and kept.</summary>
    [JsonPropertyName("populations")]
    public List<ResourceReference>? Populations { get; set; }

    /// <summary>Deprecated in favour of the store's <c>managed</c>, but kept.</summary>
    [JsonPropertyName("deprovision")]
    public bool? Deprovision { get; set; }

    [JsonPropertyName("configuration")]
    public JsonElement? Configuration { get; set; }

    /// <summary>
    /// The body of a PUT: everything but the read-only members (<c>id</c>, <c>environment</c>, the timestamps,
    /// <c>_links</c>). A PUT replaces the whole rule, so plan, stores, scope and groups go back even when unchanged.
    /// </summary>
    public PropagationRule ToReplacement() => new PropagationRule
    {
        Plan = Plan,
        SourceStore = SourceStore,
        TargetStore = TargetStore,
        Name = Name,
        Description = Description,
        Active = Active,
        PopulationExpression = PopulationExpression,
        Groups = Groups?.Select(g => new ResourceReference { Id = g.Id }).ToList(),
        Populations = Populations?.Select(p => new ResourceReference { Id = p.Id }).ToList(),
        Deprovision = Deprovision,
        Configuration = Configuration,
        Extra = CopyExtra(),
    };

    public bool IsActive => Active == true;

    public bool Targets(string storeId) => string.Equals(TargetStore?.Id, storeId, StringComparison.OrdinalIgnoreCase);

    public bool Uses(string storeId) => Targets(storeId) || string.Equals(SourceStore?.Id, storeId, StringComparison.OrdinalIgnoreCase);
}

using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AqueraProvisioning.Core;

/// <summary>
/// An attribute mapping of a rule as it travels on the wire. <c>attributeMappingType</c> is documented as a
/// Boolean but shown as a string, so it is kept as raw JSON; unknown members stay in <see cref="PropagationResource.Extra"/>.
/// </summary>
internal sealed class PropagationMapping : PropagationResource
{
    public const string UserMappingType = "userAttributeMapping";
    public const string GroupMappingType = "groupAttributeMapping";

    [JsonPropertyName("rule")]
    public ResourceReference? Rule { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("sourceAttribute")]
    public string? SourceAttribute { get; set; }

    [JsonPropertyName("expression")]
    public string? Expression { get; set; }

    [JsonPropertyName("targetAttribute")]
    public string? TargetAttribute { get; set; }

    [JsonPropertyName("attributeMappingType")]
    public JsonElement? AttributeMappingType { get; set; }

    /// <summary>Group when the type says <c>groupAttributeMapping</c>; every other value (or none) is a user mapping.</summary>
    public AqueraMappingType Type =>
        AttributeMappingType is { ValueKind: JsonValueKind.String } type && string.Equals(type.GetString(), GroupMappingType, StringComparison.OrdinalIgnoreCase)
            ? AqueraMappingType.Group
            : AqueraMappingType.User;

    /// <summary>The body of a PUT: everything but the read-only members; <c>rule.id</c> is required there.</summary>
    public PropagationMapping ToReplacement() => new PropagationMapping
    {
        Rule = new ResourceReference { Id = Rule?.Id },
        Name = Name,
        SourceAttribute = SourceAttribute,
        Expression = Expression,
        TargetAttribute = TargetAttribute,
        AttributeMappingType = AttributeMappingType,
        Extra = CopyExtra(),
    };

    public static JsonElement TypeToWire(AqueraMappingType type) =>
        JsonSerializer.SerializeToElement(type == AqueraMappingType.Group ? GroupMappingType : UserMappingType, CoreJson.Default.String);
}

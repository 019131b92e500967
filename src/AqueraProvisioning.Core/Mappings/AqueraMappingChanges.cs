namespace AqueraProvisioning.Core;

/// <summary>What to change on a mapping; null leaves a property as it is. A source replaces an expression and the other way round.</summary>
public sealed class AqueraMappingChanges
{
    /// <summary>A new target attribute.</summary>
    public string? Target { get; set; }

    /// <summary>A PingOne attribute to copy instead of what the mapping reads now.</summary>
    public string? Source { get; set; }

    /// <summary>A PingOne expression to evaluate instead of what the mapping reads now.</summary>
    public string? Expression { get; set; }

    /// <summary>A user or group attribute mapping.</summary>
    public AqueraMappingType? Type { get; set; }

    /// <summary>A new mapping name.</summary>
    public string? Name { get; set; }

    /// <summary>True when nothing is asked for.</summary>
    public bool IsEmpty => Target is null && Source is null && Expression is null && Type is null && Name is null;
}

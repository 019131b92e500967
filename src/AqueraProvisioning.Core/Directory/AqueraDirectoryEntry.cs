namespace AqueraProvisioning.Core;

/// <summary>
/// A PingOne population or group as a rule refers to it: its id and, when the directory has it, its name.
/// </summary>
public sealed class AqueraDirectoryEntry
{
    /// <summary>Creates an entry.</summary>
    /// <param name="id">The population or group id.</param>
    /// <param name="name">Its name; null when the directory has no entry with that id.</param>
    public AqueraDirectoryEntry(string id, string? name)
    {
        Id = id;
        Name = name;
    }

    /// <summary>The population or group id.</summary>
    public string Id { get; }

    /// <summary>The name; null when the directory has no population or group with <see cref="Id"/> (deleted, or never there).</summary>
    public string? Name { get; }

    /// <summary>The description, when the directory has one.</summary>
    public string? Description { get; internal set; }

    /// <summary>True for the environment's default population.</summary>
    public bool IsDefault { get; internal set; }

    /// <summary>The name, or the id when the name is unknown.</summary>
    public override string ToString() => Name ?? Id;
}

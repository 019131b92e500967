using System.Collections.Generic;

namespace AqueraProvisioning.Core;

/// <summary>
/// A rule to create: its name, the connection it sends to, whom it sends (populations, groups, a filter), its
/// mappings and whether to enable it once they are all made.
/// </summary>
public sealed class AqueraRuleDraft
{
    /// <summary>Creates a draft.</summary>
    /// <param name="name">The rule name, unique in the environment.</param>
    public AqueraRuleDraft(string name)
    {
        Name = name;
    }

    /// <summary>The rule name, unique in the environment.</summary>
    public string Name { get; }

    /// <summary>The description.</summary>
    public string? Description { get; set; }

    /// <summary>The Aquera connection's id; give this or <see cref="ConnectionName"/>.</summary>
    public string? ConnectionId { get; set; }

    /// <summary>The Aquera connection's name (case-insensitive); used when <see cref="ConnectionId"/> is not given.</summary>
    public string? ConnectionName { get; set; }

    /// <summary>Population names or ids; a user in any of them is in scope.</summary>
    public IList<string> Populations { get; } = new List<string>();

    /// <summary>Group names or ids the rule provisions.</summary>
    public IList<string> Groups { get; } = new List<string>();

    /// <summary>A SCIM filter over PingOne users, ANDed with the populations; null or empty for none.</summary>
    public string? Filter { get; set; }

    /// <summary>Enable the rule once every mapping is made.</summary>
    public bool Enabled { get; set; }

    /// <summary>Add <see cref="DefaultMappings.Set"/> (less any target the connection's metadata does not list).</summary>
    public bool UseDefaultMappings { get; set; } = true;

    /// <summary>Mappings to add; one with a default mapping's target replaces that default.</summary>
    public IList<AqueraMappingDraft> Mappings { get; } = new List<AqueraMappingDraft>();
}

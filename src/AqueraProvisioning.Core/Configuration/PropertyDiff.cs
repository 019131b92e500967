using System;
using System.Collections.Generic;
using System.Linq;

namespace AqueraProvisioning.Core;

/// <summary>Collects the properties that differ between the environment's item and the document's.</summary>
internal sealed class PropertyDiff
{
    private readonly List<ConfigurationPropertyChange> _changes = new();

    public int Count => _changes.Count;

    public IReadOnlyList<ConfigurationPropertyChange> Changes => _changes.AsReadOnly();

    /// <summary>Texts as written (null and empty are both none).</summary>
    public bool Text(string property, string? old, string? now)
    {
        string before = old ?? string.Empty;
        string after = now ?? string.Empty;
        return Add(!string.Equals(before, after, StringComparison.Ordinal), property, before, after);
    }

    public bool Value<T>(string property, T old, T now) => Add(!EqualityComparer<T>.Default.Equals(old, now), property, old, now);

    /// <summary>Name lists, compared as sets without regard to order or case.</summary>
    public bool Names(string property, IEnumerable<string> old, IEnumerable<string> now)
    {
        var before = new HashSet<string>(old, ConfigurationNames.Comparer);
        List<string> after = now.ToList();
        return Add(!before.SetEquals(after), property, ConfigurationPropertyChange.List(old), ConfigurationPropertyChange.List(after));
    }

    public void Credential() => _changes.Add(ConfigurationPropertyChange.Credential());

    private bool Add(bool differs, string property, object? old, object? now)
    {
        if (differs)
        {
            _changes.Add(new ConfigurationPropertyChange(property, old, now));
        }

        return differs;
    }
}

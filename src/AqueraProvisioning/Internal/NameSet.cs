using System;
using System.Collections.Generic;

namespace AqueraProvisioning.Internal;

/// <summary>
/// Names kept sorted case-insensitively and unique, for tab completion. Readers get a snapshot array; one name goes
/// in or out by binary search and one array copy, so a pipeline of creates after a listing of thousands does not
/// re-sort them all once per object.
/// </summary>
internal sealed class NameSet
{
    private volatile string[] _names = Array.Empty<string>();

    public IReadOnlyList<string> Names => _names;

    /// <summary>Replaces the set with the names of a full listing.</summary>
    public void ReplaceAll(IEnumerable<string> names)
    {
        var set = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string name in names)
        {
            if (!string.IsNullOrEmpty(name))
            {
                set.Add(name);
            }
        }

        _names = new List<string>(set).ToArray();
    }

    public void Add(string name)
    {
        string[] names = _names;
        int index = Array.BinarySearch(names, name, StringComparer.OrdinalIgnoreCase);
        if (index >= 0 || string.IsNullOrEmpty(name))
        {
            return;
        }

        index = ~index;
        var updated = new string[names.Length + 1];
        Array.Copy(names, 0, updated, 0, index);
        updated[index] = name;
        Array.Copy(names, index, updated, index + 1, names.Length - index);
        _names = updated;
    }

    public void Remove(string name)
    {
        string[] names = _names;
        int index = Array.BinarySearch(names, name, StringComparer.OrdinalIgnoreCase);
        if (index < 0)
        {
            return;
        }

        var updated = new string[names.Length - 1];
        Array.Copy(names, 0, updated, 0, index);
        Array.Copy(names, index + 1, updated, index, names.Length - index - 1);
        _names = updated;
    }
}

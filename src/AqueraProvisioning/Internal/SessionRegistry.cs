using System;
using System.Collections.Generic;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using AqueraProvisioning.Core;

namespace AqueraProvisioning.Internal;

/// <summary>
/// One PingOne session per runspace. Keyed weakly by the runspace, so parallel runspaces
/// (<c>ForEach-Object -Parallel</c>) never see each other's session, and a closed runspace frees its own.
/// </summary>
internal static class SessionRegistry
{
    private static readonly ConditionalWeakTable<Runspace, RunspaceSlot> s_slots = new ConditionalWeakTable<Runspace, RunspaceSlot>();

    /// <summary>The slot of the runspace this thread runs, or null outside a runspace.</summary>
    public static RunspaceSlot? Current
    {
        get
        {
            Runspace? runspace = Runspace.DefaultRunspace;
            return runspace is null ? null : s_slots.GetValue(runspace, _ => new RunspaceSlot());
        }
    }
}

/// <summary>What a runspace holds: its session and the names of its last listing (for tab completion).</summary>
internal sealed class RunspaceSlot
{
    private volatile string[] _knownNames = Array.Empty<string>();

    public PingOneSession? Session { get; set; }

    /// <summary>Connection names seen by the last listing; completers read only this, never the network.</summary>
    public IReadOnlyList<string> KnownNames => _knownNames;

    public void RememberNames(IEnumerable<string> names)
    {
        var set = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string name in names)
        {
            set.Add(name);
        }

        _knownNames = new List<string>(set).ToArray();
    }

    // The names stay sorted case-insensitively and unique, so one name goes in or out by binary search and one
    // array copy: a pipeline of creates after a listing of thousands must not re-sort them all once per object.
    public void RememberName(string name)
    {
        string[] names = _knownNames;
        int index = Array.BinarySearch(names, name, StringComparer.OrdinalIgnoreCase);
        if (index >= 0)
        {
            return;
        }

        index = ~index;
        var updated = new string[names.Length + 1];
        Array.Copy(names, 0, updated, 0, index);
        updated[index] = name;
        Array.Copy(names, index, updated, index + 1, names.Length - index);
        _knownNames = updated;
    }

    public void ForgetName(string name)
    {
        string[] names = _knownNames;
        int index = Array.BinarySearch(names, name, StringComparer.OrdinalIgnoreCase);
        if (index < 0)
        {
            return;
        }

        var updated = new string[names.Length - 1];
        Array.Copy(names, 0, updated, 0, index);
        Array.Copy(names, index + 1, updated, index, names.Length - index - 1);
        _knownNames = updated;
    }
}

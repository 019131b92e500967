using System;
using System.Collections.Generic;
using System.Threading;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// The fake Aquera tenant: its users and groups, sharing one lock so a group's members always name existing users
/// and deleting a user takes it out of every group.
/// </summary>
public sealed class ScimTenant
{
    private readonly Lock gate = new();

    internal ScimTenant()
    {
        Users = new InMemoryCollection<ScimResource>(gate);
        Groups = new InMemoryCollection<ScimResource>(gate);
    }

    /// <summary>Every user, in creation order.</summary>
    public IReadOnlyList<ScimResource> AllUsers => Users.Snapshot();

    /// <summary>Every group, in creation order.</summary>
    public IReadOnlyList<ScimResource> AllGroups => Groups.Snapshot();

    internal InMemoryCollection<ScimResource> Users { get; }

    internal InMemoryCollection<ScimResource> Groups { get; }

    /// <summary>The user whose userName is <paramref name="userName"/> (case-insensitive), or null.</summary>
    /// <param name="userName">The userName.</param>
    public ScimResource? FindUser(string userName) =>
        Users.FindFirst(user => string.Equals(user.Name, userName, StringComparison.OrdinalIgnoreCase));

    internal void Clear() => Users.Locked(() =>
    {
        Groups.Clear();
        Users.Clear();
        return true;
    });
}

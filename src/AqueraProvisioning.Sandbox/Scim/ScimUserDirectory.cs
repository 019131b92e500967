using System;
using System.Collections.Generic;
using System.Linq;

namespace AqueraProvisioning.Sandbox;

/// <summary>The fake Aquera tenant's users, in creation order.</summary>
public sealed class ScimUserDirectory
{
    private readonly LockedList<ScimUser> users = new();

    /// <summary>Number of users.</summary>
    public int Count => users.Count;

    /// <summary>Every user, in creation order.</summary>
    public IReadOnlyList<ScimUser> Snapshot() => users.Snapshot();

    internal ScimUser? Find(string id) => users.Find(user => user.Id == id);

    /// <summary>Adds the user unless its userName is taken; returns the stored user or null.</summary>
    internal ScimUser? TryAdd(ScimUser user) => users.Locked(list =>
    {
        if (list.Exists(existing => SameUserName(existing, user.UserName)))
        {
            return null;
        }

        list.Add(user);
        return user;
    });

    /// <summary>One page of users, optionally only the one whose userName equals <paramref name="userName"/>.</summary>
    /// <param name="userName">Filter value, or null for everyone.</param>
    /// <param name="startIndex">1-based index of the first result (RFC 7644 §3.4.2.4).</param>
    /// <param name="count">Most results to return.</param>
    internal (IReadOnlyList<ScimUser> Page, int Total) Query(string? userName, int startIndex, int count) => users.Locked(list =>
    {
        var matches = userName is null ? list : list.FindAll(user => SameUserName(user, userName));
        return ((IReadOnlyList<ScimUser>)[.. matches.Skip(startIndex - 1).Take(count)], matches.Count);
    });

    internal void Clear() => users.Clear();

    // RFC 7643 makes userName case-insensitive ("caseExact": false).
    private static bool SameUserName(ScimUser user, string userName) =>
        string.Equals(user.UserName, userName, StringComparison.OrdinalIgnoreCase);
}

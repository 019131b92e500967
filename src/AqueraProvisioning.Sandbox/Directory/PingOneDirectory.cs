using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// The sandbox's PingOne directory: users, populations, groups and group memberships. The four collections share
/// one lock, so "the population exists" and "the username is free" hold when a user is written. Every change to a
/// user (create, update, enable, delete, membership) is announced through <see cref="UserChanged"/>; the
/// propagation engine listens.
/// </summary>
public sealed class PingOneDirectory
{
    private readonly Lock gate = new();

    internal PingOneDirectory()
    {
        Users = new InMemoryCollection<DirectoryUser>(gate);
        Populations = new InMemoryCollection<DirectoryEntry>(gate);
        Groups = new InMemoryCollection<DirectoryEntry>(gate);
        Memberships = new InMemoryCollection<GroupMembership>(gate);
        DirectorySeed.Seed(this);
    }

    /// <summary>Raised with a user's id after any change to that user, inside nothing: handlers must not block.</summary>
    internal event Action<Guid>? UserChanged;

    /// <summary>Every user, in creation order.</summary>
    public IReadOnlyList<DirectoryUser> AllUsers => Users.Snapshot();

    /// <summary>Every population, in creation order.</summary>
    public IReadOnlyList<DirectoryEntry> AllPopulations => Populations.Snapshot();

    /// <summary>Every group, in creation order.</summary>
    public IReadOnlyList<DirectoryEntry> AllGroups => Groups.Snapshot();

    internal InMemoryCollection<DirectoryUser> Users { get; }

    internal InMemoryCollection<DirectoryEntry> Populations { get; }

    internal InMemoryCollection<DirectoryEntry> Groups { get; }

    internal InMemoryCollection<GroupMembership> Memberships { get; }

    /// <summary>The user whose username is <paramref name="username"/> (case-insensitive), or null.</summary>
    /// <param name="username">The username.</param>
    public DirectoryUser? FindUserByUsername(string username) =>
        Users.FindFirst(user => string.Equals(user.Username, username, StringComparison.OrdinalIgnoreCase));

    /// <summary>The ids of the groups <paramref name="userId"/> is a direct member of, in the order they were added.</summary>
    /// <param name="userId">User id.</param>
    public IReadOnlyList<Guid> GroupIdsOf(Guid userId) =>
        [.. Memberships.Where(membership => membership.UserId == userId).Select(membership => membership.GroupId)];

    internal DirectoryEntry? DefaultPopulation => Populations.FindFirst(population => population.IsDefault);

    internal TResult Locked<TResult>(Func<TResult> action) => Users.Locked(action);

    internal DirectoryUser AddUser(UserContent content, Guid? id = null, bool announce = true)
    {
        var now = IsoTime.Now();
        DirectoryUser Create(Guid newId, long sequence) =>
            new(newId, sequence, content.Username, content.PopulationId, content.Enabled, content.Attributes, now, now);
        var user = id is { } fixedId ? Users.TryAdd(fixedId, Create)! : Users.Add(Create);
        if (announce)
        {
            Announce(user.Id);
        }

        return user;
    }

    internal DirectoryUser? ReplaceUser(Guid id, UserContent content)
    {
        var user = Users.Replace(id, current => current with
        {
            Username = content.Username,
            PopulationId = content.PopulationId,
            Enabled = content.Enabled,
            Attributes = content.Attributes,
            UpdatedAt = IsoTime.After(current.UpdatedAt),
        });
        Announce(id);
        return user;
    }

    internal DirectoryUser? SetEnabled(Guid id, bool enabled)
    {
        var user = Users.Replace(id, current => current with { Enabled = enabled, UpdatedAt = IsoTime.After(current.UpdatedAt) });
        Announce(id);
        return user;
    }

    internal bool RemoveUser(Guid id)
    {
        var removed = Locked(() =>
        {
            Memberships.RemoveAll(membership => membership.UserId == id);
            return Users.Remove(id) is not null;
        });
        Announce(id);
        return removed;
    }

    /// <summary>Adds the membership; null when the user already is a member.</summary>
    internal GroupMembership? AddMembership(Guid userId, Guid groupId)
    {
        var membership = Locked(() => Memberships.FindFirst(m => m.UserId == userId && m.GroupId == groupId) is null
            ? Memberships.Add((id, sequence) => new GroupMembership(id, sequence, userId, groupId, IsoTime.Now()))
            : null);
        Announce(userId);
        return membership;
    }

    internal bool RemoveMembership(Guid userId, Guid groupId)
    {
        var removed = Memberships.RemoveAll(m => m.UserId == userId && m.GroupId == groupId).Count > 0;
        Announce(userId);
        return removed;
    }

    internal DirectoryEntry AddEntry(InMemoryCollection<DirectoryEntry> entries, string name, string? description, JsonElement? extra, bool isDefault = false, Guid? id = null)
    {
        var now = IsoTime.Now();
        DirectoryEntry Create(Guid newId, long sequence) => new(newId, sequence, name, description, isDefault, extra, now, now);
        return id is { } fixedId ? entries.TryAdd(fixedId, Create)! : entries.Add(Create);
    }

    /// <summary>Back to the seeded directory.</summary>
    internal void Reset()
    {
        Locked(() =>
        {
            Memberships.Clear();
            Users.Clear();
            Groups.Clear();
            Populations.Clear();
            DirectorySeed.Seed(this);
            return true;
        });
    }

    private void Announce(Guid userId) => UserChanged?.Invoke(userId);
}

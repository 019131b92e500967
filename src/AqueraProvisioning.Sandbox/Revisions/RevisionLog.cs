using System;
using System.Linq;

namespace AqueraProvisioning.Sandbox;

/// <summary>The environment's revisions in creation order; each links to the one before it.</summary>
public sealed class RevisionLog
{
    private readonly LockedList<RevisionRecord> revisions = new();

    /// <summary>Number of revisions created since start or reset.</summary>
    public int Count => revisions.Count;

    /// <summary>The newest revision, or null when none exists.</summary>
    public RevisionRecord? Latest => revisions.Locked(list => list.LastOrDefault());

    /// <summary>The revision with <paramref name="id"/>, or null.</summary>
    /// <param name="id">Revision id.</param>
    public RevisionRecord? Find(Guid id) => revisions.Find(revision => revision.Id == id);

    internal RevisionRecord Create(DateTimeOffset now) => revisions.Locked(list =>
    {
        var revision = new RevisionRecord(Guid.NewGuid(), now, list.LastOrDefault()?.Id);
        list.Add(revision);
        return revision;
    });

    internal void Clear() => revisions.Clear();
}

using System;

namespace AqueraProvisioning.Sandbox;

/// <summary>What an <see cref="InMemoryCollection{T}"/> needs of its items: an id and the creation order.</summary>
internal interface ICollectionItem
{
    /// <summary>The item's id, unique in its collection.</summary>
    Guid Id { get; }

    /// <summary>Creation order; listing and cursors use it so pages stay stable while items change.</summary>
    long Sequence { get; }
}

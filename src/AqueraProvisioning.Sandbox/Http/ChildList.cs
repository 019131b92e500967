using System;
using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>What <see cref="ListEndpoint.MapChildren"/> lists: the children of one parent, where and how.</summary>
/// <param name="Children">The collection the children live in.</param>
/// <param name="Url">The sub-collection's URL for a parent.</param>
/// <param name="EmbeddedName">Key under <c>_embedded</c>.</param>
/// <param name="Render">Renders one child.</param>
/// <param name="BelongsTo">Picks a parent's children.</param>
internal sealed record ChildList<TParent, T>(
    InMemoryCollection<T> Children,
    Func<TParent, string> Url,
    string EmbeddedName,
    Func<T, JsonNode?> Render,
    Func<TParent, Predicate<T>> BelongsTo)
    where T : class, ICollectionItem;

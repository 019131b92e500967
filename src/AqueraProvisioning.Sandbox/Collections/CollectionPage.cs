using System.Collections.Generic;

namespace AqueraProvisioning.Sandbox;

/// <summary>One page of a collection in creation order.</summary>
/// <param name="Items">The items on this page.</param>
/// <param name="Total">Items in the whole (filtered) collection.</param>
/// <param name="HasMore">Whether a later page exists.</param>
internal sealed record CollectionPage<T>(IReadOnlyList<T> Items, int Total, bool HasMore);

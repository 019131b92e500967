using System.Collections.Generic;

namespace AqueraProvisioning.Sandbox;

/// <summary>One page of stores in creation order.</summary>
/// <param name="Items">The stores on this page.</param>
/// <param name="Total">Stores in the whole collection.</param>
/// <param name="HasMore">Whether a later page exists.</param>
internal sealed record StorePage(IReadOnlyList<StoreRecord> Items, int Total, bool HasMore);

using System;
using System.Collections.Generic;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// Accounts a deleted rule provisioned, to be deprovisioned at the next revision (a managed store's rule deleted
/// with <c>deprovision=true</c>). The store is kept as it was, so a store deleted meanwhile can still be reached.
/// </summary>
internal sealed record PendingDeprovision(Guid StoreId, StoreContent Store, Guid RuleId, IReadOnlyList<(Guid UserId, ScimLink Link)> Accounts)
{
    /// <summary>True once a revision has been created after the rule was deleted.</summary>
    public bool Due { get; init; }
}

using System;

namespace AqueraProvisioning.Core;

/// <summary>
/// An Aquera provisioning connection (a PingOne propagation store of type <c>Aquera</c>) as the admin console shows
/// it. It deliberately has no secret: not the bearer token, not the Basic password, not in <see cref="ToString"/>.
/// </summary>
public sealed class AqueraConnection
{
    /// <summary>The connection (store) id.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The PingOne environment that holds it.</summary>
    public string EnvironmentId { get; set; } = string.Empty;

    /// <summary>The connection name, unique in the environment by this module's rule.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The description.</summary>
    public string? Description { get; set; }

    /// <summary>The Aquera SCIM base URL.</summary>
    public Uri? ScimUrl { get; set; }

    /// <summary>Basic Auth or Bearer Token; null if the service returned a value this version does not know.</summary>
    public AqueraAuthenticationMethod? AuthenticationMethod { get; set; }

    /// <summary>The console's enable toggle (<c>status</c> is ACTIVE).</summary>
    public bool Enabled { get; set; }

    /// <summary>Allow users to be created.</summary>
    public bool AllowCreate { get; set; }

    /// <summary>Allow users to be updated.</summary>
    public bool AllowUpdate { get; set; }

    /// <summary>Allow users to be disabled.</summary>
    public bool AllowDisable { get; set; }

    /// <summary>The remove action: Delete or Disable; null when not set.</summary>
    public AqueraRemoveAction? RemoveAction { get; set; }

    /// <summary>Deprovision users on rule deletion (store <c>managed</c>).</summary>
    public bool DeprovisionOnRuleDeletion { get; set; }

    /// <summary>The group name source; null when not set.</summary>
    public AqueraGroupNameSource? GroupNameSource { get; set; }

    /// <summary>The last synchronisation state (SYNCING, FAILED), if PingOne reported one.</summary>
    public string? SyncState { get; set; }

    /// <summary>When PingOne last synchronised this connection.</summary>
    public DateTimeOffset? LastSyncAt { get; set; }

    /// <summary>Users provisioned successfully since the last revision; null when PingOne did not say.</summary>
    public int? SuccessCount { get; set; }

    /// <summary>Users that failed to provision since the last revision; null when PingOne did not say.</summary>
    public int? FailedCount { get; set; }

    /// <summary>Users whose deprovisioning failed since the last revision; null when PingOne did not say.</summary>
    public int? FailedDeprovisionCount { get; set; }

    /// <summary>Users in scope of the connection's active rules; null when PingOne did not say.</summary>
    public int? UserTotal { get; set; }

    /// <summary>PingOne's note on the last synchronisation, such as the first failure's reason; null when there is none.</summary>
    public string? SyncDetails { get; set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>When it was last changed.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The connection name.</summary>
    public override string ToString() => Name;
}

namespace AqueraProvisioning.Core;

/// <summary>
/// One Aquera connection in a configuration document: what the console's connection page shows, with a reference
/// to where its secret is kept instead of the secret.
/// </summary>
public sealed class AqueraConfigurationConnection
{
    /// <summary>The connection name: its identity (case-insensitive) across environments.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The description; empty for none.</summary>
    public string Description { get; set; } = string.Empty;

    /// <summary>The Aquera SCIM base URL, as written.</summary>
    public string ScimUrl { get; set; } = string.Empty;

    /// <summary>Bearer token or Basic Auth.</summary>
    public AqueraAuthenticationMethod AuthenticationMethod { get; set; } = AqueraAuthenticationMethod.BearerToken;

    /// <summary>The Basic Auth user; null for a bearer token.</summary>
    public string? BasicAuthUser { get; set; }

    /// <summary>Where the token or password is found; null until a default is assigned.</summary>
    public ConfigurationSecretReference? Secret { get; set; }

    /// <summary>Allow users to be created.</summary>
    public bool AllowCreate { get; set; }

    /// <summary>Allow users to be updated.</summary>
    public bool AllowUpdate { get; set; }

    /// <summary>Allow users to be disabled.</summary>
    public bool AllowDisable { get; set; }

    /// <summary>What happens to a deprovisioned user in the target.</summary>
    public AqueraRemoveAction RemoveAction { get; set; } = AqueraRemoveAction.Disable;

    /// <summary>Deprovision users when a rule that feeds this connection is deleted.</summary>
    public bool DeprovisionOnRuleDeletion { get; set; }

    /// <summary>The group name source; null leaves the connection's setting as it is.</summary>
    public AqueraGroupNameSource? GroupNameSource { get; set; }

    /// <summary>Enabled or disabled.</summary>
    public AqueraConnectionState State { get; set; } = AqueraConnectionState.Disabled;

    /// <summary>The connection name.</summary>
    public override string ToString() => Name;
}

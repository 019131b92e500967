using System;

namespace AqueraProvisioning.Core;

/// <summary>
/// The changes to make to a saved connection. Every member left null stays as the service has it, so a
/// read-modify-write changes only what was asked.
/// </summary>
public sealed class AqueraConnectionChanges
{
    private string? _name;
    private string? _description;
    private Uri? _scimUrl;

    /// <summary>A new name.</summary>
    public string? Name
    {
        get => _name;
        set => _name = value is null ? null : AqueraInput.RequireName(value);
    }

    /// <summary>A new description (empty clears it).</summary>
    public string? Description
    {
        get => _description;
        set => _description = AqueraInput.CheckDescription(value);
    }

    /// <summary>A new SCIM URL.</summary>
    public Uri? ScimUrl
    {
        get => _scimUrl;
        set => _scimUrl = value is null ? null : TransportRules.RequireScimUrl(value.OriginalString);
    }

    /// <summary>New credentials (rotation); they also fill in a secret the service did not return.</summary>
    public AqueraCredential? Credential { get; set; }

    /// <summary>The enable toggle.</summary>
    public AqueraConnectionState? State { get; set; }

    /// <summary>Allow users to be created.</summary>
    public bool? AllowCreate { get; set; }

    /// <summary>Allow users to be updated.</summary>
    public bool? AllowUpdate { get; set; }

    /// <summary>Allow users to be disabled.</summary>
    public bool? AllowDisable { get; set; }

    /// <summary>The remove action.</summary>
    public AqueraRemoveAction? RemoveAction { get; set; }

    /// <summary>Deprovision users on rule deletion.</summary>
    public bool? DeprovisionOnRuleDeletion { get; set; }

    /// <summary>The group name source.</summary>
    public AqueraGroupNameSource? GroupNameSource { get; set; }

    /// <summary>True when nothing would change.</summary>
    public bool IsEmpty =>
        Name is null && Description is null && ScimUrl is null && Credential is null && State is null &&
        AllowCreate is null && AllowUpdate is null && AllowDisable is null && RemoveAction is null &&
        DeprovisionOnRuleDeletion is null && GroupNameSource is null;
}

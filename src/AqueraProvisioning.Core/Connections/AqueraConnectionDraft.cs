using System;

namespace AqueraProvisioning.Core;

/// <summary>A connection to be tested or created: everything the console's New Connection wizard asks for.</summary>
public sealed class AqueraConnectionDraft
{
    /// <summary>Creates a draft; the name and SCIM URL are validated here, before anything is sent.</summary>
    /// <param name="name">The connection name.</param>
    /// <param name="scimUrl">The Aquera SCIM base URL.</param>
    /// <param name="credential">How PingOne authenticates to Aquera.</param>
    public AqueraConnectionDraft(string name, string scimUrl, AqueraCredential credential)
    {
        Name = AqueraInput.RequireName(name);
        ScimUrl = TransportRules.RequireScimUrl(scimUrl);
        Credential = credential ?? throw new ArgumentNullException(nameof(credential));
    }

    /// <summary>The connection name.</summary>
    public string Name { get; }

    /// <summary>The Aquera SCIM base URL.</summary>
    public Uri ScimUrl { get; }

    /// <summary>The credentials.</summary>
    public AqueraCredential Credential { get; }

    /// <summary>The description; validated when set.</summary>
    public string? Description
    {
        get => _description;
        set => _description = AqueraInput.CheckDescription(value);
    }

    /// <summary>Allow users to be created.</summary>
    public bool AllowCreate { get; set; }

    /// <summary>Allow users to be updated.</summary>
    public bool AllowUpdate { get; set; }

    /// <summary>Allow users to be disabled.</summary>
    public bool AllowDisable { get; set; }

    /// <summary>The remove action (Disable unless told otherwise: the action that loses no data).</summary>
    public AqueraRemoveAction RemoveAction { get; set; } = AqueraRemoveAction.Disable;

    /// <summary>Deprovision users on rule deletion (store <c>managed</c>).</summary>
    public bool DeprovisionOnRuleDeletion { get; set; }

    /// <summary>The group name source; left out of the request when null.</summary>
    public AqueraGroupNameSource? GroupNameSource { get; set; }

    /// <summary>Create it enabled (ACTIVE).</summary>
    public bool Enabled { get; set; }

    private string? _description;
}

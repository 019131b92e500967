namespace AqueraProvisioning.Core;

/// <summary>A PingOne directory user, as far as provisioning needs one: who it is, whether it is enabled, its population.</summary>
public sealed class AqueraDirectoryUser
{
    /// <summary>The user id.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The username.</summary>
    public string Username { get; set; } = string.Empty;

    /// <summary>The email address, if any.</summary>
    public string? Email { get; set; }

    /// <summary>Whether the user is enabled in PingOne.</summary>
    public bool Enabled { get; set; }

    /// <summary>The id of the user's population.</summary>
    public string? PopulationId { get; set; }

    /// <summary>The username.</summary>
    public override string ToString() => Username;
}

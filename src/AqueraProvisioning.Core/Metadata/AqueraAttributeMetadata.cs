namespace AqueraProvisioning.Core;

/// <summary>One Aquera target attribute a mapping can fill, as PingOne's store metadata describes it.</summary>
public sealed class AqueraAttributeMetadata
{
    /// <summary>The attribute as a mapping target, a SCIM path such as <c>name.givenName</c>.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The name the console shows.</summary>
    public string? DisplayName { get; set; }

    /// <summary>The type, such as <c>string</c> or <c>boolean</c>.</summary>
    public string? Type { get; set; }

    /// <summary>Whether Aquera needs it (such as <c>userName</c>).</summary>
    public bool Required { get; set; }

    /// <summary>Whether it holds several values.</summary>
    public bool MultiValued { get; set; }

    /// <summary>The connection whose metadata this is.</summary>
    public string? ConnectionId { get; set; }

    /// <summary>The connection's name.</summary>
    public string? ConnectionName { get; set; }

    /// <summary>The attribute name.</summary>
    public override string ToString() => Name;
}

namespace AqueraProvisioning.Core;

/// <summary>What an attribute mapping fills (<c>attributeMappingType</c>).</summary>
public enum AqueraMappingType
{
    /// <summary><c>userAttributeMapping</c>: an attribute of the provisioned user (the default).</summary>
    User,

    /// <summary><c>groupAttributeMapping</c>: an attribute of a provisioned group.</summary>
    Group,
}

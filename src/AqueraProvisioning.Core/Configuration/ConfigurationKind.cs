namespace AqueraProvisioning.Core;

/// <summary>The kinds of item in a configuration document.</summary>
public enum ConfigurationKind
{
    /// <summary>An Aquera connection.</summary>
    Connection,

    /// <summary>An outbound rule.</summary>
    Rule,

    /// <summary>An attribute mapping of a rule.</summary>
    Mapping,
}

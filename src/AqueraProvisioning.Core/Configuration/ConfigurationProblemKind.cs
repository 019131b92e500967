namespace AqueraProvisioning.Core;

/// <summary>What is wrong with one part of a configuration document.</summary>
public enum ConfigurationProblemKind
{
    /// <summary>The file is not valid JSON, or not a PowerShell data file of constant data.</summary>
    Syntax,

    /// <summary>A key the schema does not have.</summary>
    UnknownKey,

    /// <summary>The same key twice in one table.</summary>
    DuplicateKey,

    /// <summary>A required key is absent.</summary>
    MissingKey,

    /// <summary>A value of the wrong type (a list where a string belongs, for example).</summary>
    WrongType,

    /// <summary>A value of the right type that is not acceptable (an unknown enum name, an over-long name, a bad URL).</summary>
    InvalidValue,

    /// <summary>Two connections, two rules, or two mappings of one rule with the same name or target.</summary>
    DuplicateName,

    /// <summary>Keys that exclude each other (Source and Expression, BasicAuthUser with a bearer token).</summary>
    Conflict,

    /// <summary>A SchemaVersion this module does not know.</summary>
    UnknownSchemaVersion,

    /// <summary>A Secret that is not a valid secret reference.</summary>
    InvalidSecretReference,

    /// <summary>A connection, population or group that neither the document nor the environment has.</summary>
    UnknownReference,

    /// <summary>A secret reference that an import needs but that nothing resolves.</summary>
    UnresolvedSecret,
}

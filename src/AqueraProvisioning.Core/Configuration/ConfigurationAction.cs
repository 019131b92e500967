namespace AqueraProvisioning.Core;

/// <summary>What an import does to one item.</summary>
public enum ConfigurationAction
{
    /// <summary>The environment does not have it: it is created.</summary>
    Create,

    /// <summary>The environment has it with other values: the listed properties change.</summary>
    Update,

    /// <summary>The document does not name it (with prune), or it must be replaced: it is deleted.</summary>
    Delete,

    /// <summary>The environment already matches the document.</summary>
    Unchanged,
}

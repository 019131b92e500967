namespace AqueraProvisioning.Core;

/// <summary>How an import treats what the document does not name, failed connection tests and the revision.</summary>
public sealed class ConfigurationImportOptions
{
    /// <summary>Delete what the document does not name (see <see cref="ConfigurationPlanOptions.Prune"/>).</summary>
    public bool Prune { get; set; }

    /// <summary>Enable a connection (and its rules) although its connection test fails.</summary>
    public bool Force { get; set; }

    /// <summary>Create one propagation revision after the changes, when any was applied.</summary>
    public bool CreateRevision { get; set; } = true;

    /// <summary>The file the document came from, for messages; null for none.</summary>
    public string? File { get; set; }
}

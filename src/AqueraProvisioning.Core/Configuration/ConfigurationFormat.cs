namespace AqueraProvisioning.Core;

/// <summary>The file formats of a configuration document, chosen by file extension.</summary>
public enum ConfigurationFormat
{
    /// <summary>A PowerShell data file (<c>.psd1</c>): constant data only, read without running code. The default.</summary>
    PowerShellDataFile,

    /// <summary>JSON (<c>.json</c>).</summary>
    Json,
}

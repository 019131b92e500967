using System;

namespace AqueraProvisioning.Core;

/// <summary>Writes a configuration document as .psd1 or .json text. It has no access to any secret: a document holds none.</summary>
public static class ConfigurationWriter
{
    /// <summary>The document as a PowerShell data file.</summary>
    /// <param name="document">The document.</param>
    public static string ToPowerShellDataFile(AqueraConfiguration document) =>
        ConfigurationPsd1Writer.Write(document ?? throw new ArgumentNullException(nameof(document)));

    /// <summary>The document as JSON.</summary>
    /// <param name="document">The document.</param>
    public static string ToJson(AqueraConfiguration document) =>
        ConfigurationJsonWriter.Write(document ?? throw new ArgumentNullException(nameof(document)));

    /// <summary>The document in the given format.</summary>
    /// <param name="document">The document.</param>
    /// <param name="format">The format.</param>
    public static string Write(AqueraConfiguration document, ConfigurationFormat format) =>
        format == ConfigurationFormat.Json ? ToJson(document) : ToPowerShellDataFile(document);
}

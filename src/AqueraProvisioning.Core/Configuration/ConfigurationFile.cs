using System;
using System.IO;
using System.Security;
using System.Text;

namespace AqueraProvisioning.Core;

/// <summary>Reading and writing configuration files: the format from the extension, and file errors with their own id.</summary>
public static class ConfigurationFile
{
    /// <summary>The format a file name asks for: <c>.psd1</c> or <c>.json</c>, case-insensitive.</summary>
    /// <param name="path">The file path.</param>
    /// <exception cref="AqueraConfigurationException">The extension is neither (<see cref="ErrorIds.UnsupportedConfigurationFormat"/>).</exception>
    public static ConfigurationFormat FormatOf(string path)
    {
        string extension = Path.GetExtension(path ?? string.Empty);
        if (string.Equals(extension, ".psd1", StringComparison.OrdinalIgnoreCase))
        {
            return ConfigurationFormat.PowerShellDataFile;
        }

        if (string.Equals(extension, ".json", StringComparison.OrdinalIgnoreCase))
        {
            return ConfigurationFormat.Json;
        }

        throw new AqueraConfigurationException(
            ErrorIds.UnsupportedConfigurationFormat,
            "'" + path + "' is neither a .psd1 nor a .json file; the extension chooses the format.",
            path);
    }

    /// <summary>The text of a file (UTF-8, with or without a byte order mark).</summary>
    /// <param name="path">The file path.</param>
    /// <exception cref="AqueraConfigurationException">It does not exist or cannot be read (<see cref="ErrorIds.ConfigurationFileUnavailable"/>).</exception>
    public static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SecurityException or ArgumentException or NotSupportedException or DecoderFallbackException)
        {
            throw Unavailable(path, "cannot be read", ex);
        }
    }

    /// <summary>
    /// Writes a document in the format its extension names. A .psd1 file gets a UTF-8 byte order mark, because
    /// Windows PowerShell 5.1 reads a file without one in the ANSI code page; a .json file gets none (RFC 8259).
    /// The text goes to a temporary file next to it first, so a failed write leaves any earlier file whole.
    /// </summary>
    /// <param name="document">The document.</param>
    /// <param name="path">The file path.</param>
    public static void Write(AqueraConfiguration document, string path)
    {
        ConfigurationFormat format = FormatOf(path);
        string text = ConfigurationWriter.Write(document, format);
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: format == ConfigurationFormat.PowerShellDataFile);
        string temporary = path + ".tmp-" + Guid.NewGuid().ToString("N").Substring(0, 8);
        try
        {
            File.WriteAllText(temporary, text, encoding);
            if (File.Exists(path))
            {
                File.Replace(temporary, path, null);
            }
            else
            {
                File.Move(temporary, path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SecurityException or ArgumentException or NotSupportedException)
        {
            TryDelete(temporary);
            throw Unavailable(path, "cannot be written", ex);
        }
    }

    /// <summary>Reads a .json file into a validated document.</summary>
    /// <param name="path">The file path.</param>
    public static AqueraConfiguration ReadJson(string path) => ConfigurationReader.FromJson(ReadText(path), path);

    private static AqueraConfigurationException Unavailable(string path, string what, Exception ex)
    {
        string reason = ex is FileNotFoundException or DirectoryNotFoundException ? "does not exist" : what + ": " + ex.Message;
        return new AqueraConfigurationException(ErrorIds.ConfigurationFileUnavailable, "The configuration file '" + path + "' " + reason, path, null, ex);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

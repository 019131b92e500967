namespace AqueraProvisioning.Core;

/// <summary>
/// Reads a configuration document from JSON text or from the neutral tree that a .psd1 file parses into. Both end in
/// the same validation, so a document means the same whichever format it came in.
/// </summary>
public static class ConfigurationReader
{
    /// <summary>Reads and validates JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="file">The file it came from, for messages; null for none.</param>
    /// <exception cref="AqueraConfigurationException">The text has problems; all of them are listed.</exception>
    public static AqueraConfiguration FromJson(string json, string? file = null)
    {
        var problems = new ConfigurationProblems(file);
        object? tree = ConfigurationJsonTree.Parse(json ?? string.Empty, problems);
        if (tree is null)
        {
            problems.ThrowIfAny();
        }

        return ConfigurationTreeReader.Read(tree, problems);
    }

    /// <summary>
    /// Reads and validates a neutral tree: tables (any <see cref="System.Collections.IDictionary"/>, such as a
    /// Hashtable), lists (any other <see cref="System.Collections.IEnumerable"/>), strings, booleans, numbers and nulls.
    /// </summary>
    /// <param name="tree">The root table.</param>
    /// <param name="file">The file it came from, for messages; null for none.</param>
    /// <exception cref="AqueraConfigurationException">The tree has problems; all of them are listed.</exception>
    public static AqueraConfiguration FromTree(object? tree, string? file = null) =>
        ConfigurationTreeReader.Read(tree, new ConfigurationProblems(file));
}

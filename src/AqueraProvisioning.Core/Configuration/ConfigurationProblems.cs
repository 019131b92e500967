using System.Collections.Generic;

namespace AqueraProvisioning.Core;

/// <summary>Collects the problems of one document, so that every one is reported and not only the first.</summary>
internal sealed class ConfigurationProblems
{
    private readonly List<ConfigurationProblem> _list = new();

    public ConfigurationProblems(string? file)
    {
        File = file;
    }

    public string? File { get; }

    public int Count => _list.Count;

    public IReadOnlyList<ConfigurationProblem> All => _list;

    public void Add(ConfigurationProblemKind kind, string item, string? key, string message) =>
        _list.Add(new ConfigurationProblem(kind, File, item, key, message));

    public void Add(ConfigurationProblem problem) => _list.Add(problem);

    /// <summary>Throws the document's problems, if it has any.</summary>
    public void ThrowIfAny()
    {
        if (_list.Count > 0)
        {
            throw AqueraConfigurationException.Invalid(File, _list);
        }
    }
}

using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using AqueraProvisioning.Internal;

namespace AqueraProvisioning.Completers;

/// <summary>Completes population names (-Population) or group names (-Group) seen on rules this runspace read. It never calls the network.</summary>
public sealed class DirectoryNameCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        RunspaceSlot? slot = SessionRegistry.Current;
        NameSet? names = string.Equals(parameterName, "Group", System.StringComparison.OrdinalIgnoreCase) ? slot?.GroupNames : slot?.PopulationNames;
        return CompletionText.Matching(names?.Names, wordToComplete);
    }
}

using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using AqueraProvisioning.Internal;

namespace AqueraProvisioning.Completers;

/// <summary>Completes rule names from what this runspace's rule cmdlets last read. It never calls the network.</summary>
public sealed class RuleNameCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionText.Matching(SessionRegistry.Current?.RuleNames.Names, wordToComplete);
}

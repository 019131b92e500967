using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using AqueraProvisioning.Internal;

namespace AqueraProvisioning.Completers;

/// <summary>
/// Completes connection names from this runspace's last listing (Get-AqueraConnection or New-AqueraConnection).
/// It never calls the network: tab completion must stay instant.
/// </summary>
public sealed class ConnectionNameCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionText.Matching(SessionRegistry.Current?.KnownNames, wordToComplete);
}

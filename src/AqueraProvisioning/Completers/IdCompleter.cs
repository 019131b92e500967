using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using AqueraProvisioning.Internal;

namespace AqueraProvisioning.Completers;

/// <summary>
/// Completes -Id: the list shows the names this runspace last read, and the id is what is inserted; rule ids on
/// the rule cmdlets, connection ids on the others. It never calls the network.
/// </summary>
public sealed class IdCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        RunspaceSlot? slot = SessionRegistry.Current;
        bool rules = commandName != null && commandName.EndsWith("ProvisioningRule", System.StringComparison.OrdinalIgnoreCase);
        return CompletionText.Ids(rules ? slot?.RuleIds : slot?.ConnectionIds, wordToComplete);
    }
}

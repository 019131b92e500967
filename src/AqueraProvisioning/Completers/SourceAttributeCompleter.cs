using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using AqueraProvisioning.Core;

namespace AqueraProvisioning.Completers;

/// <summary>Completes mapping sources from the PingOne user attributes. It never calls the network.</summary>
public sealed class SourceAttributeCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionText.Matching(StaticAttributes.PingOneSources, wordToComplete);
}

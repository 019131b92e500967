using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using AqueraProvisioning.Core;
using AqueraProvisioning.Internal;

namespace AqueraProvisioning.Completers;

/// <summary>
/// Completes mapping targets: the Aquera attributes this runspace last read for the rule's connection
/// (Get-AqueraAttributeMetadata and New-AqueraProvisioningRule fill it), else Aquera's static attributes. The
/// connection comes from -Rule (a rule object, or a rule name seen before) or -Connection. It never calls the network.
/// </summary>
public sealed class AttributeTargetCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        RunspaceSlot? slot = SessionRegistry.Current;
        string? connectionId = ConnectionOf(slot, fakeBoundParameters);
        IReadOnlyList<string>? known = connectionId is null ? null : slot?.AttributesOf(connectionId);
        return CompletionText.Matching(known ?? StaticAttributes.AqueraTargets, wordToComplete);
    }

    private static string? ConnectionOf(RunspaceSlot? slot, IDictionary? bound)
    {
        object? rule = Unwrap(bound?["Rule"]);
        object? connection = Unwrap(bound?["Connection"]);
        return rule switch
        {
            AqueraProvisioningRule r when r.ConnectionId.Length > 0 => r.ConnectionId,
            string name => slot?.ConnectionOfRule(name.Trim('\'', '"')),
            _ => connection switch
            {
                AqueraConnection c when c.Id.Length > 0 => c.Id,
                _ => null,
            },
        };
    }

    private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
}

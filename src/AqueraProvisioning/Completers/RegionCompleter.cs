using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using AqueraProvisioning.Core;

namespace AqueraProvisioning.Completers;

/// <summary>Completes PingOne region codes.</summary>
public sealed class RegionCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string word = (wordToComplete ?? string.Empty).Trim('\'', '"');
        return Enum.GetNames(typeof(PingOneRegion))
            .Where(code => code.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            .Select(code => new CompletionResult(code, code, CompletionResultType.ParameterValue, Describe(code)));
    }

    private static string Describe(string code) => PingOneEndpoints.ForRegion((PingOneRegion)Enum.Parse(typeof(PingOneRegion), code)).ApiBaseUrl.ToString();
}

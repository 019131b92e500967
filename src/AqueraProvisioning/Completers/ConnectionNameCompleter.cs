using System.Collections;
using System.Collections.Generic;
using System.Linq;
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
    private static readonly char[] s_needsQuotes = { ' ', '\'', '"', '$', '`', ';', '(', ')', '{', '}', ',', '&', '@', '#' };

    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        RunspaceSlot? slot = SessionRegistry.Current;
        if (slot is null)
        {
            return Enumerable.Empty<CompletionResult>();
        }

        var pattern = WildcardPattern.Get((wordToComplete ?? string.Empty).Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
        return slot.KnownNames
            .Where(name => pattern.IsMatch(name))
            .Select(name => new CompletionResult(Quote(name), name, CompletionResultType.ParameterValue, name));
    }

    private static string Quote(string name) =>
        name.IndexOfAny(s_needsQuotes) < 0 ? name : "'" + name.Replace("'", "''") + "'";
}

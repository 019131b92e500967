using System;
using System.Management.Automation;
using AqueraProvisioning.Core;

namespace AqueraProvisioning.Internal;

/// <summary>
/// The refusals -WhatIf can predict: facts the reads before ShouldProcess establish (a name in use, a missing
/// connection or rule, a rule that cannot be enabled, a connection in use), not answers of PingOne to a change.
/// </summary>
internal static class WhatIfRefusals
{
    public static bool IsPredicted(AqueraException failure) => failure is AqueraOperationException { ApiException: null } known && known.ErrorId switch
    {
        ErrorIds.ConnectionExists or ErrorIds.RuleExists or ErrorIds.MappingExists or ErrorIds.ConnectionInUse or ErrorIds.RuleEnableRefused or
            ErrorIds.ConnectionNotFound or ErrorIds.RuleNotFound or ErrorIds.MappingNotFound or ErrorIds.PopulationNotFound or ErrorIds.GroupNotFound or
            ErrorIds.NotAnAqueraConnection or ErrorIds.NotAnAqueraRule => true,
        _ => false,
    };

    /// <summary>The record's message up to its first line break: the fact and the advice, without the trace.</summary>
    public static string FirstLine(ErrorRecord record)
    {
        string message = record.ErrorDetails?.Message ?? record.Exception.Message;
        int end = message.IndexOf(Environment.NewLine, StringComparison.Ordinal);
        return end < 0 ? message : message.Substring(0, end);
    }
}

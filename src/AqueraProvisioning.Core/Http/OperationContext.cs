using System;
using System.Globalization;

namespace AqueraProvisioning.Core;

/// <summary>
/// One cmdlet invocation's view of Core: where to log, and the <c>X-Ping-External-Transaction-ID</c> sent on every
/// request it makes, so a runbook's failure can be traced with Ping support.
/// </summary>
public sealed class OperationContext
{
    /// <summary>Creates a context with a new transaction id.</summary>
    /// <param name="log">Where Core reports what it does.</param>
    public OperationContext(IOperationLog? log)
        : this(log, NewTransactionId())
    {
    }

    /// <summary>Creates a context with the given transaction id.</summary>
    /// <param name="log">Where Core reports what it does.</param>
    /// <param name="transactionId">At most 100 characters, as PingOne allows.</param>
    public OperationContext(IOperationLog? log, string transactionId)
    {
        if (string.IsNullOrWhiteSpace(transactionId) || transactionId.Length > 100)
        {
            throw new AqueraValidationException(ErrorIds.InvalidSetting, "A transaction id must be 1 to 100 characters long.", "TransactionId");
        }

        Log = log ?? NullOperationLog.Instance;
        TransactionId = transactionId;
    }

    /// <summary>Where Core reports what it does.</summary>
    public IOperationLog Log { get; }

    /// <summary>The transaction id sent with every request of this operation.</summary>
    public string TransactionId { get; }

    /// <summary>False only when the log says Verbose lines would not be shown, so they need not be built.</summary>
    internal bool WantsVerbose => Log is not IOperationLogLevels levels || levels.IsVerboseEnabled;

    /// <summary>False only when the log says Debug lines would not be shown, so bodies need not be redacted for them.</summary>
    internal bool WantsDebug => Log is not IOperationLogLevels levels || levels.IsDebugEnabled;

    /// <summary>A context that logs nothing.</summary>
    public static OperationContext Silent() => new OperationContext(null);

    private static string NewTransactionId() =>
        "aquera-ps-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture).Substring(0, 20);
}

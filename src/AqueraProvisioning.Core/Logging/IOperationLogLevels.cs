namespace AqueraProvisioning.Core;

/// <summary>
/// Optionally implemented by an <see cref="IOperationLog"/> that knows which messages will be shown. Core then skips
/// building and redacting per-request Verbose and Debug lines that nobody would see (redacting a request body costs
/// more than building it). A log without it is sent every message.
/// </summary>
internal interface IOperationLogLevels
{
    /// <summary>True when Verbose messages are shown.</summary>
    bool IsVerboseEnabled { get; }

    /// <summary>True when Debug messages are shown.</summary>
    bool IsDebugEnabled { get; }
}

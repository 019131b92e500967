namespace AqueraProvisioning.Core;

/// <summary>A log that drops everything.</summary>
public sealed class NullOperationLog : IOperationLog, IOperationLogLevels
{
    /// <summary>The shared instance.</summary>
    public static readonly NullOperationLog Instance = new NullOperationLog();

    private NullOperationLog()
    {
    }

    /// <inheritdoc />
    bool IOperationLogLevels.IsVerboseEnabled => false;

    /// <inheritdoc />
    bool IOperationLogLevels.IsDebugEnabled => false;

    /// <inheritdoc />
    public void Verbose(string message)
    {
    }

    /// <inheritdoc />
    public void Debug(string message)
    {
    }

    /// <inheritdoc />
    public void Warning(string message)
    {
    }
}

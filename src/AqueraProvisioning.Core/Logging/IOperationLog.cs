namespace AqueraProvisioning.Core;

/// <summary>
/// Where Core reports what it does. The cmdlets route it to the Verbose and Debug streams; Core has already passed
/// every message through <see cref="Redactor"/>. Implementations must be thread-safe: Core calls them from the
/// thread pool.
/// </summary>
public interface IOperationLog
{
    /// <summary>One line per HTTP call and per retry.</summary>
    /// <param name="message">The redacted message.</param>
    void Verbose(string message);

    /// <summary>Internal flow and redacted request/response bodies.</summary>
    /// <param name="message">The redacted message.</param>
    void Debug(string message);

    /// <summary>Something the user should know although the operation goes on.</summary>
    /// <param name="message">The redacted message.</param>
    void Warning(string message);
}

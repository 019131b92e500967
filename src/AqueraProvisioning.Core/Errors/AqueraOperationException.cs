using System;

namespace AqueraProvisioning.Core;

/// <summary>
/// An operation that could not be carried out for a reason other than bad input or a plain API failure: a name that
/// already exists, a failed connection test, a secret the service needs back, a create whose outcome stayed unknown.
/// </summary>
public sealed class AqueraOperationException : AqueraException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errorId">One of <see cref="ErrorIds"/>.</param>
    /// <param name="message">What happened; never a secret.</param>
    /// <param name="innerException">The API failure behind it, if any.</param>
    public AqueraOperationException(string errorId, string message, Exception? innerException = null)
        : base(Redactor.RedactText(message), innerException)
    {
        ErrorId = errorId;
    }

    /// <inheritdoc />
    public override string ErrorId { get; }

    /// <summary>The name of the connection (or other resource) concerned, when there is one.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// True when the operation had already saved changes before it failed (a rule created disabled whose mapping
    /// failed), so the caller still owes them a revision.
    /// </summary>
    public bool ChangesSaved { get; set; }

    /// <summary>The connection test behind a refusal, if there was one.</summary>
    public AqueraConnectionTestResult? TestResult { get; set; }

    /// <summary>The API failure behind this one, if any.</summary>
    public PingOneApiException? ApiException => InnerException as PingOneApiException;
}

using System;

namespace AqueraProvisioning.Core;

/// <summary>
/// Input that was rejected before any request was sent. The message says how to fix it and never holds a secret.
/// </summary>
public sealed class AqueraValidationException : AqueraException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errorId">One of <see cref="ErrorIds"/>.</param>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="field">The parameter or field at fault.</param>
    public AqueraValidationException(string errorId, string message, string? field)
        : base(message, null)
    {
        ErrorId = errorId;
        Field = field;
    }

    /// <inheritdoc />
    public override string ErrorId { get; }

    /// <summary>The parameter or field at fault.</summary>
    public string? Field { get; }
}

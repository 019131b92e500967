using System;

namespace AqueraProvisioning.Core;

/// <summary>
/// Input that was rejected before any request was sent. The message says what is wrong and never holds a secret;
/// <see cref="Field"/> and <see cref="Problem"/> let the caller say how to fix it in its own terms.
/// </summary>
public sealed class AqueraValidationException : AqueraException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errorId">One of <see cref="ErrorIds"/>.</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="field">The parameter or field at fault.</param>
    /// <param name="problem">What kind of wrong it is.</param>
    public AqueraValidationException(string errorId, string message, string? field, AqueraInputProblem problem = AqueraInputProblem.Invalid)
        : base(message, null)
    {
        ErrorId = errorId;
        Field = field;
        Problem = problem;
    }

    /// <inheritdoc />
    public override string ErrorId { get; }

    /// <summary>The parameter or field at fault.</summary>
    public string? Field { get; }

    /// <summary>What kind of wrong it is.</summary>
    public AqueraInputProblem Problem { get; }
}

using System;

namespace AqueraProvisioning.Core;

/// <summary>
/// The base of every failure this module reports on purpose. Each carries a stable <see cref="ErrorId"/> from
/// <see cref="ErrorIds"/>, so a caller can catch this one type and still tell the causes apart; the message states
/// what happened, never a secret, and leaves what to do about it to the caller.
/// </summary>
public abstract class AqueraException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened; never a secret.</param>
    /// <param name="innerException">The failure behind it, if any.</param>
    protected AqueraException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The stable error id, one of <see cref="ErrorIds"/>.</summary>
    public abstract string ErrorId { get; }
}

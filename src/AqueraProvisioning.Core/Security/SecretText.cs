using System;
using System.Net;
using System.Security;

namespace AqueraProvisioning.Core;

/// <summary>
/// Turns a <see cref="SecureString"/> into plain text. Callers do so only while building a request body or header,
/// and never keep the result.
/// </summary>
internal static class SecretText
{
    public static string Reveal(SecureString secret)
    {
        if (secret is null)
        {
            throw new ArgumentNullException(nameof(secret));
        }

        return new NetworkCredential(string.Empty, secret).Password;
    }

    /// <summary>A read-only SecureString of text that is already plain, such as a secret PingOne returned.</summary>
    public static SecureString Conceal(string text)
    {
        var secure = new SecureString();
        foreach (char c in text)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }

    public static bool IsBlank(SecureString? secret)
    {
        if (secret is null || secret.Length == 0)
        {
            return true;
        }

        return string.IsNullOrWhiteSpace(Reveal(secret));
    }
}

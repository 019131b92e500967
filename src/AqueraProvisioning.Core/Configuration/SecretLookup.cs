using System;
using System.Security;

namespace AqueraProvisioning.Core;

/// <summary>What looking up a secret reference gave: the secret (and a user name, from a credential), or why not.</summary>
public sealed class SecretLookup
{
    private SecretLookup(SecureString? secret, string? userName, string? reason)
    {
        Secret = secret;
        UserName = userName;
        Reason = reason;
    }

    /// <summary>True when a secret was found.</summary>
    public bool IsFound => Secret != null;

    /// <summary>The user name that came with the secret (a credential), or null.</summary>
    public string? UserName { get; }

    /// <summary>Why nothing was found, as a fact (never a secret), or null when found.</summary>
    public string? Reason { get; }

    internal SecureString? Secret { get; }

    /// <summary>A secret was found.</summary>
    /// <param name="secret">The token or password.</param>
    /// <param name="userName">The user name of a credential, or null.</param>
    public static SecretLookup Found(SecureString secret, string? userName = null) =>
        new(secret ?? throw new ArgumentNullException(nameof(secret)), string.IsNullOrEmpty(userName) ? null : userName, null);

    /// <summary>Nothing was found.</summary>
    /// <param name="reason">Why, as a fact: "the environment variable AQUERA_SECRET_HR is not set".</param>
    public static SecretLookup NotFound(string reason) => new(null, null, string.IsNullOrWhiteSpace(reason) ? "it was not found" : reason);
}

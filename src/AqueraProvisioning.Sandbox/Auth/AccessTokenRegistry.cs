using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// Opaque access tokens and when each expires. Tokens survive <c>/__sandbox/reset</c> on purpose: a client that
/// cached one keeps working across test cases; <see cref="ExpireAll"/> is the way to invalidate them.
/// </summary>
public sealed class AccessTokenRegistry
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> expiries = new(StringComparer.Ordinal);

    /// <summary>Number of tokens issued since start (expired ones included).</summary>
    public int Count => expiries.Count;

    /// <summary>Makes every token issued so far expired now; tokens issued later are unaffected.</summary>
    public void ExpireAll()
    {
        foreach (var token in expiries.Keys)
        {
            expiries[token] = DateTimeOffset.MinValue;
        }
    }

    internal string Issue(TimeSpan lifetime)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        expiries[token] = DateTimeOffset.UtcNow + lifetime;
        return token;
    }

    internal TokenCheck Check(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return TokenCheck.Missing;
        }

        if (!expiries.TryGetValue(token, out var expiresAt))
        {
            return TokenCheck.Unknown;
        }

        // A zero lifetime gives a token that is already expired when issued; tests rely on that instead of sleeping.
        return expiresAt > DateTimeOffset.UtcNow ? TokenCheck.Valid : TokenCheck.Expired;
    }
}

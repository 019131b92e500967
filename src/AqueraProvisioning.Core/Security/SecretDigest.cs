using System.Linq;
using System.Security;
using System.Security.Cryptography;
using System.Text;

namespace AqueraProvisioning.Core;

/// <summary>
/// A SHA-256 digest of a secret: enough to tell that a secret supplied for an import is the one PingOne already
/// stores, without keeping the stored one in memory beyond the read. Never written anywhere.
/// </summary>
internal static class SecretDigest
{
    public static byte[] Of(string secret)
    {
        using var sha = SHA256.Create();
        return sha.ComputeHash(Encoding.UTF8.GetBytes(secret));
    }

    public static byte[] Of(SecureString secret) => Of(SecretText.Reveal(secret));

    public static bool Same(byte[] left, byte[] right) => left.SequenceEqual(right);
}

using System.Security.Cryptography;
using System.Text;

namespace AqueraProvisioning.Sandbox;

/// <summary>Compares credentials in constant time; cheap to do right even in a sandbox that others copy habits from.</summary>
internal static class SecretComparer
{
    public static bool AreEqual(string supplied, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(supplied), Encoding.UTF8.GetBytes(expected));
}

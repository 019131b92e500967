using System.Security;

namespace AqueraProvisioning.Core.Tests.Support;

/// <summary>Builds SecureStrings the way the cmdlets receive them.</summary>
internal static class Secure
{
    public static SecureString From(string text)
    {
        var secure = new SecureString();
        foreach (char c in text)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }
}

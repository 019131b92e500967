using System;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace AqueraProvisioning.Sandbox;

/// <summary>Parses the two Authorization schemes the sandbox accepts (Basic, Bearer).</summary>
internal static class AuthorizationHeader
{
    public static bool IsPresent(HttpRequest request) => request.Headers.Authorization.Count > 0;

    public static bool TryGetBearer(HttpRequest request, out string token)
    {
        token = string.Empty;
        if (!TrySplit(request, "Bearer", out var value) || value.Length == 0)
        {
            return false;
        }

        token = value;
        return true;
    }

    public static bool TryGetBasic(HttpRequest request, out string user, out string password)
    {
        user = password = string.Empty;
        if (!TrySplit(request, "Basic", out var value))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        user = decoded[..colon];
        password = decoded[(colon + 1)..];
        return true;
    }

    private static bool TrySplit(HttpRequest request, string scheme, out string value)
    {
        value = string.Empty;
        var header = request.Headers.Authorization.ToString();
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0 || !header.AsSpan(0, space).Equals(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        value = header[(space + 1)..].Trim();
        return true;
    }
}

using System;
using System.Net;

namespace AqueraProvisioning.Core;

/// <summary>An explicit forward proxy for a session; without one the system proxy settings apply.</summary>
public sealed class ProxySettings
{
    /// <summary>Creates proxy settings.</summary>
    /// <param name="address">The proxy URL, for example http://proxy.contoso.com:8080.</param>
    /// <param name="credential">Credentials for the proxy, or null.</param>
    public ProxySettings(Uri address, NetworkCredential? credential)
    {
        if (address is null || !address.IsAbsoluteUri ||
            !(string.Equals(address.Scheme, "http", StringComparison.OrdinalIgnoreCase) || string.Equals(address.Scheme, "https", StringComparison.OrdinalIgnoreCase)))
        {
            throw new AqueraValidationException(ErrorIds.InvalidServiceUrl, "Proxy must be an absolute http:// or https:// URL, such as http://proxy.contoso.com:8080.", "Proxy", AqueraInputProblem.Malformed);
        }

        if (!string.IsNullOrEmpty(address.UserInfo))
        {
            throw new AqueraValidationException(ErrorIds.InvalidServiceUrl, "Proxy must not contain a user name or password.", "Proxy", AqueraInputProblem.CarriesUserInfo);
        }

        Address = address;
        Credential = credential;
    }

    /// <summary>The proxy URL.</summary>
    public Uri Address { get; }

    /// <summary>The proxy credentials, if any.</summary>
    public NetworkCredential? Credential { get; }

    /// <summary>The key under which the shared client for this proxy is kept.</summary>
    /// <remarks>Equal settings share one client; the password enters the key only as a SHA-256 fingerprint.</remarks>
    internal string Key => Address.AbsoluteUri + "|" + (Credential?.UserName ?? string.Empty) + "|" + Fingerprint(Credential?.Password);

    private static string Fingerprint(string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return string.Empty;
        }

        return Convert.ToBase64String(SecretDigest.Of(password!));
    }
}

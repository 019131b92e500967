using System;
using System.Collections.Generic;
using System.Net;

namespace AqueraProvisioning.Core;

/// <summary>What the stages learn and hand on to the next one during one probe.</summary>
internal sealed class ProbeState
{
    public ProbeState(string scimUrl, AqueraCredential? credential, Uri? proxy, TimeSpan timeout)
    {
        ScimUrlText = scimUrl;
        Credential = credential;
        Proxy = proxy;
        Timeout = timeout;
    }

    public string ScimUrlText { get; }

    public AqueraCredential? Credential { get; }

    /// <summary>The proxy the shared client goes through for this URL, or null.</summary>
    public Uri? Proxy { get; set; }

    public TimeSpan Timeout { get; }

    /// <summary>The parsed URL, once the URL stage accepted it.</summary>
    public Uri? Url { get; set; }

    /// <summary>The URL without a trailing slash: SCIM paths are appended to it.</summary>
    public string BaseUrl { get; set; } = string.Empty;

    public IReadOnlyList<IPAddress> Addresses { get; set; } = Array.Empty<IPAddress>();

    /// <summary>The answer the Authentication stage judges: ServiceProviderConfig's, or /Users' when it had none.</summary>
    public ScimAnswer? Answer { get; set; }

    /// <summary>The authenticationSchemes types ServiceProviderConfig advertised, when it could be read.</summary>
    public IReadOnlyList<string> AdvertisedSchemes { get; set; } = Array.Empty<string>();

    /// <summary>How the credentials are named in details: never the secret.</summary>
    public string CredentialLabel => Credential is null
        ? "no credentials"
        : Credential.Method == AqueraAuthenticationMethod.BearerToken ? "the bearer token" : "Basic user '" + Credential.UserName + "'";

    public Uri Resource(string pathAndQuery) => new Uri(BaseUrl + pathAndQuery, UriKind.Absolute);
}

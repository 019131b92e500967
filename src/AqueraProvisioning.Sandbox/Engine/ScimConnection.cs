using System;
using System.Net.Http.Headers;

namespace AqueraProvisioning.Sandbox;

/// <summary>Where and how to call a store's SCIM service: its <c>SCIM_URL</c> (without user info) and credentials.</summary>
internal sealed record ScimConnection(Uri BaseUrl, AuthenticationHeaderValue Authorization)
{
    /// <summary>The connection of an Aquera store, or null when its <c>SCIM_URL</c> is not an absolute http(s) URL.</summary>
    public static ScimConnection? For(StoreContent store)
    {
        if (!Uri.TryCreate(store.ConfigurationString(AqueraConfigurationValidator.ScimUrl), UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var builder = new UriBuilder(url) { UserName = string.Empty, Password = string.Empty, Query = string.Empty, Fragment = string.Empty };
        return new ScimConnection(builder.Uri, ScimCredentials.For(store));
    }

    /// <summary>
    /// <paramref name="relative"/> (such as <c>Users?filter=...</c>) under the base URL, whether or not the base ends
    /// in a slash (the console's example does).
    /// </summary>
    public Uri Resolve(string relative) => new(BaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/" + relative);
}

using System;
using System.Net.Http.Headers;
using System.Text;

namespace AqueraProvisioning.Sandbox;

/// <summary>The Authorization header an Aquera store's configuration gives: Basic user and password, or Bearer.</summary>
internal static class ScimCredentials
{
    public static AuthenticationHeaderValue For(StoreContent store)
    {
        if (store.ConfigurationString(AqueraConfigurationValidator.AuthenticationMethod) == AqueraConfigurationValidator.BasicAuth)
        {
            var pair = $"{store.ConfigurationString(AqueraConfigurationValidator.BasicAuthUser)}:{store.ConfigurationString(AqueraConfigurationValidator.BasicAuthPassword)}";
            return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        }

        return new AuthenticationHeaderValue("Bearer", store.ConfigurationString(AqueraConfigurationValidator.AccessToken));
    }
}

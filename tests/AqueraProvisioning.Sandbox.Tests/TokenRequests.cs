using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

namespace AqueraProvisioning.Sandbox.Tests;

/// <summary>Token requests in the two client authentication styles PingOne worker apps use.</summary>
internal static class TokenRequests
{
    public static HttpRequestMessage Basic(string tokenUrl, string clientId, string clientSecret, string grantType = "client_credentials")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, tokenUrl)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = grantType }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{clientSecret}")));
        return request;
    }

    public static HttpRequestMessage Post(string tokenUrl, string clientId, string clientSecret) =>
        new(HttpMethod.Post, tokenUrl)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = clientId,
                ["client_secret"] = clientSecret,
            }),
        };
}

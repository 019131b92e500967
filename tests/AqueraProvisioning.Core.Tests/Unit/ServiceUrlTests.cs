using System;
using System.Net;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Unit;

public class ServiceUrlTests
{
    [Theory]
    [InlineData("https://api.example.test", "https://api.example.test/v1/")]
    [InlineData("https://api.example.test/", "https://api.example.test/v1/")]
    [InlineData("https://api.example.test/v1", "https://api.example.test/v1/")]
    [InlineData("https://api.example.test/v1/", "https://api.example.test/v1/")]
    [InlineData("https://api.example.test:8443/tenant/v1", "https://api.example.test:8443/tenant/v1/")]
    [InlineData("http://127.0.0.1:5123", "http://127.0.0.1:5123/v1/")]
    [InlineData("http://localhost:5123/v1", "http://localhost:5123/v1/")]
    [InlineData("http://[::1]:5123/", "http://[::1]:5123/v1/")]
    public void Explicit_api_url_is_normalised_to_end_in_v1_slash(string given, string expected)
    {
        PingOneEndpoints endpoints = PingOneEndpoints.Create(PingOneRegion.NA, new Uri(given), null);

        Assert.Equal(expected, endpoints.ApiBaseUrl.AbsoluteUri);
        Assert.Equal("https://auth.pingone.com/", endpoints.AuthBaseUrl.AbsoluteUri);
        Assert.Null(endpoints.Region);
    }

    [Theory]
    [InlineData("https://auth.example.test", "https://auth.example.test/")]
    [InlineData("https://auth.example.test/as", "https://auth.example.test/as/")]
    [InlineData("http://127.0.0.1:5123", "http://127.0.0.1:5123/")]
    public void Explicit_auth_url_gets_a_trailing_slash_and_no_v1(string given, string expected)
    {
        PingOneEndpoints endpoints = PingOneEndpoints.Create(PingOneRegion.EU, null, new Uri(given));

        Assert.Equal(expected, endpoints.AuthBaseUrl.AbsoluteUri);
        Assert.Equal("https://api.pingone.eu/v1/", endpoints.ApiBaseUrl.AbsoluteUri);
        Assert.Null(endpoints.Region);
    }

    [Theory]
    [InlineData("http://api.example.test")]
    [InlineData("http://10.0.0.5:8080")]
    [InlineData("http://127.0.0.1.example.test")]
    [InlineData("http://localhost.example.test")]
    public void Plain_http_is_refused_outside_loopback(string url)
    {
        var ex = Assert.Throws<AqueraValidationException>(() => PingOneEndpoints.Create(PingOneRegion.NA, new Uri(url), null));

        Assert.Equal(ErrorIds.InvalidServiceUrl, ex.ErrorId);
        Assert.Equal("ApiUrl", ex.Field);
        Assert.Contains("https://", ex.Message, StringComparison.Ordinal);
        Assert.Equal(AqueraInputProblem.NotHttps, ex.Problem);
    }

    [Theory]
    [InlineData("http://127.0.0.1:1")]
    [InlineData("http://127.4.5.6")]
    [InlineData("http://localhost")]
    [InlineData("http://LOCALHOST:80")]
    [InlineData("http://[::1]")]
    public void Plain_http_is_allowed_to_loopback(string url)
    {
        PingOneEndpoints endpoints = PingOneEndpoints.Create(PingOneRegion.NA, null, new Uri(url));

        Assert.Equal("http", endpoints.AuthBaseUrl.Scheme);
    }

    [Theory]
    [InlineData("ftp://api.example.test/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://user:hunter2@api.example.test/")]
    [InlineData("https://api.example.test/v1?x=1")]
    [InlineData("https://api.example.test/v1#frag")]
    public void Other_unacceptable_service_urls_are_refused(string url)
    {
        var ex = Assert.Throws<AqueraValidationException>(() => PingOneEndpoints.Create(PingOneRegion.NA, null, new Uri(url)));

        Assert.Equal(ErrorIds.InvalidServiceUrl, ex.ErrorId);
        Assert.Equal("AuthUrl", ex.Field);
        Assert.DoesNotContain("hunter2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_service_url_is_refused()
    {
        var ex = Assert.Throws<AqueraValidationException>(() => PingOneEndpoints.Create(PingOneRegion.NA, new Uri("/v1", UriKind.Relative), null));

        Assert.Equal(ErrorIds.InvalidServiceUrl, ex.ErrorId);
    }

    [Theory]
    [InlineData("api.pingone.eu", "https://api.pingone.eu/")]
    [InlineData("  auth.pingone.com.au  ", "https://auth.pingone.com.au/")]
    [InlineData("api.example.test:8443", "https://api.example.test:8443/")]
    [InlineData("http://127.0.0.1:5000/v1", "http://127.0.0.1:5000/v1")]
    [InlineData("https://api.pingone.ca", "https://api.pingone.ca/")]
    public void Host_names_become_https_urls_and_urls_are_kept(string given, string expected)
    {
        Assert.Equal(expected, PingOneEndpoints.FromHostName(given, "ApiUrl").AbsoluteUri);
    }

    [Fact]
    public void A_host_name_flows_into_an_api_base_ending_in_v1()
    {
        Uri api = PingOneEndpoints.FromHostName("api.pingone.sg", "PINGONE_API_SERVICE_HOSTNAME");

        Assert.Equal("https://api.pingone.sg/v1/", PingOneEndpoints.Create(PingOneRegion.SG, api, null).ApiBaseUrl.AbsoluteUri);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("bad host name")]
    [InlineData("https://")]
    public void Unusable_host_names_are_refused_naming_the_parameter(string given)
    {
        var ex = Assert.Throws<AqueraValidationException>(() => PingOneEndpoints.FromHostName(given, "PINGONE_AUTH_SERVICE_HOSTNAME"));

        Assert.Equal(ErrorIds.InvalidServiceUrl, ex.ErrorId);
        Assert.Equal("PINGONE_AUTH_SERVICE_HOSTNAME", ex.Field);
    }

    [Theory]
    [InlineData("http://127.0.0.1/", true)]
    [InlineData("http://127.255.0.1/", true)]
    [InlineData("http://[::1]:99/", true)]
    [InlineData("http://localhost/", true)]
    [InlineData("https://api.pingone.com/", false)]
    [InlineData("http://128.0.0.1/", false)]
    [InlineData("http://0.0.0.0/", false)]
    public void Loopback_is_the_local_machine_only(string url, bool expected)
    {
        Assert.Equal(expected, TransportRules.IsLoopback(new Uri(url)));
    }

    [Theory]
    [InlineData("ftp://proxy.example.test:21")]
    [InlineData("socks://proxy.example.test:1080")]
    [InlineData("http://alice:secret@proxy.example.test:8080")]
    public void Unacceptable_proxy_urls_are_refused(string url)
    {
        var ex = Assert.Throws<AqueraValidationException>(() => new ProxySettings(new Uri(url), null));

        Assert.Equal(ErrorIds.InvalidServiceUrl, ex.ErrorId);
        Assert.Equal("Proxy", ex.Field);
        Assert.DoesNotContain("secret", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_proxy_url_with_credentials_given_separately_is_accepted()
    {
        var proxy = new ProxySettings(new Uri("http://proxy.example.test:8080"), new NetworkCredential("alice", "pw"));

        Assert.Equal("proxy.example.test", proxy.Address.Host);
        Assert.Equal("alice", proxy.Credential!.UserName);
    }
}

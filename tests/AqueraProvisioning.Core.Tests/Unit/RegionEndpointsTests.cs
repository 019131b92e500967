using System;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Unit;

public class RegionEndpointsTests
{
    [Theory]
    [InlineData(PingOneRegion.NA, "https://api.pingone.com/v1/", "https://auth.pingone.com/")]
    [InlineData(PingOneRegion.EU, "https://api.pingone.eu/v1/", "https://auth.pingone.eu/")]
    [InlineData(PingOneRegion.CA, "https://api.pingone.ca/v1/", "https://auth.pingone.ca/")]
    [InlineData(PingOneRegion.AU, "https://api.pingone.com.au/v1/", "https://auth.pingone.com.au/")]
    [InlineData(PingOneRegion.SG, "https://api.pingone.sg/v1/", "https://auth.pingone.sg/")]
    [InlineData(PingOneRegion.AP, "https://api.pingone.asia/v1/", "https://auth.pingone.asia/")]
    public void Each_region_maps_to_its_documented_api_and_auth_hosts(PingOneRegion region, string api, string auth)
    {
        PingOneEndpoints endpoints = PingOneEndpoints.ForRegion(region);

        Assert.Equal(new Uri(api), endpoints.ApiBaseUrl);
        Assert.Equal(new Uri(auth), endpoints.AuthBaseUrl);
        Assert.Equal(region, endpoints.Region);
    }

    [Fact]
    public void Create_without_explicit_urls_is_the_region()
    {
        PingOneEndpoints endpoints = PingOneEndpoints.Create(PingOneRegion.EU, null, null);

        Assert.Equal(new Uri("https://api.pingone.eu/v1/"), endpoints.ApiBaseUrl);
        Assert.Equal(new Uri("https://auth.pingone.eu/"), endpoints.AuthBaseUrl);
        Assert.Equal(PingOneRegion.EU, endpoints.Region);
    }

    [Fact]
    public void The_token_url_is_built_under_the_auth_base_with_the_environment_id()
    {
        PingOneEndpoints endpoints = PingOneEndpoints.ForRegion(PingOneRegion.CA);

        var tokenUrl = new Uri(endpoints.AuthBaseUrl, "5e1d8a6c-2f0b-4f4e-9a53-0d6f5e0b7c11/as/token");

        Assert.Equal("https://auth.pingone.ca/5e1d8a6c-2f0b-4f4e-9a53-0d6f5e0b7c11/as/token", tokenUrl.AbsoluteUri);
    }

    [Theory]
    [InlineData("NA", PingOneRegion.NA)]
    [InlineData("na", PingOneRegion.NA)]
    [InlineData(" eu ", PingOneRegion.EU)]
    [InlineData("Ca", PingOneRegion.CA)]
    [InlineData("AU", PingOneRegion.AU)]
    [InlineData("sg", PingOneRegion.SG)]
    [InlineData("AP", PingOneRegion.AP)]
    public void Region_codes_parse_case_insensitively(string code, PingOneRegion expected)
    {
        Assert.Equal(expected, PingOneEndpoints.ParseRegion(code));
    }

    [Theory]
    [InlineData("US")]
    [InlineData("com")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("Europe")]
    [InlineData("0")]
    public void Unknown_region_codes_are_refused_with_InvalidRegion(string? code)
    {
        var ex = Assert.Throws<AqueraValidationException>(() => PingOneEndpoints.ParseRegion(code));

        Assert.Equal(ErrorIds.InvalidRegion, ex.ErrorId);
        Assert.Equal("Region", ex.Field);
        Assert.Contains("the codes are NA, EU, CA, AU, SG and AP", ex.Message, StringComparison.Ordinal);
        Assert.Equal(AqueraInputProblem.Malformed, ex.Problem);
    }
}

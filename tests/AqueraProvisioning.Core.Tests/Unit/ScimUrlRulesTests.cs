using System;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Unit;

public class ScimUrlRulesTests
{
    [Theory]
    [InlineData("https://api.aquera.io/scim/tenant/app", "https://api.aquera.io/scim/tenant/app")]
    [InlineData("  https://api.aquera.io/scim/  ", "https://api.aquera.io/scim/")]
    [InlineData("http://127.0.0.1:5555/scim/v2", "http://127.0.0.1:5555/scim/v2")]
    [InlineData("http://localhost:5555/scim/v2", "http://localhost:5555/scim/v2")]
    public void Absolute_https_or_loopback_http_scim_urls_are_accepted(string given, string expected)
    {
        Assert.Equal(expected, TransportRules.RequireScimUrl(given).OriginalString);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Empty_or_whitespace_scim_urls_are_refused(string? given)
    {
        var ex = Assert.Throws<AqueraValidationException>(() => TransportRules.RequireScimUrl(given));

        Assert.Equal(ErrorIds.InvalidScimUrl, ex.ErrorId);
        Assert.Equal("ScimUrl", ex.Field);
        Assert.Contains("empty", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(AqueraInputProblem.Empty, ex.Problem);
    }

    [Theory]
    [InlineData("scim/v2")]
    [InlineData("/scim/v2")]
    [InlineData("api.aquera.io/scim")]
    public void Relative_scim_urls_are_refused(string given)
    {
        var ex = Assert.Throws<AqueraValidationException>(() => TransportRules.RequireScimUrl(given));

        Assert.Equal(ErrorIds.InvalidScimUrl, ex.ErrorId);
        Assert.Contains("is not an absolute URL", ex.Message, StringComparison.Ordinal);
        Assert.Equal(AqueraInputProblem.Malformed, ex.Problem);
    }

    [Theory]
    [InlineData("ftp://api.aquera.io/scim")]
    [InlineData("ldap://api.aquera.io/scim")]
    [InlineData("file:///tmp/scim")]
    [InlineData("http://api.aquera.io/scim")]
    [InlineData("http://192.168.1.20/scim")]
    public void Non_https_scim_urls_outside_loopback_are_refused(string given)
    {
        var ex = Assert.Throws<AqueraValidationException>(() => TransportRules.RequireScimUrl(given));

        Assert.Equal(ErrorIds.InvalidScimUrl, ex.ErrorId);
        Assert.Equal("ScimUrl", ex.Field);
    }

    [Theory]
    [InlineData("https://admin:S3cr3tPa55@api.aquera.io/scim")]
    [InlineData("https://tokenonlyS3cr3tPa55@api.aquera.io/scim")]
    [InlineData("http://admin:S3cr3tPa55@127.0.0.1:5000/scim")]
    public void Scim_urls_with_user_info_are_refused_without_echoing_the_secret(string given)
    {
        var ex = Assert.Throws<AqueraValidationException>(() => TransportRules.RequireScimUrl(given));

        Assert.Equal(ErrorIds.InvalidScimUrl, ex.ErrorId);
        Assert.Contains("user name or password", ex.Message, StringComparison.Ordinal);
        Assert.Equal(AqueraInputProblem.CarriesUserInfo, ex.Problem);
        Assert.DoesNotContain("S3cr3tPa55", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("S3cr3tPa55", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_draft_validates_its_scim_url_before_anything_is_sent()
    {
        var credential = AqueraCredential.Bearer(Support.Secure.From("tok"));

        var ex = Assert.Throws<AqueraValidationException>(() => new AqueraConnectionDraft("Name", "http://aquera.example.test/scim", credential));

        Assert.Equal(ErrorIds.InvalidScimUrl, ex.ErrorId);
    }

    [Fact]
    public void Changes_validate_a_new_scim_url_when_it_is_set()
    {
        var changes = new AqueraConnectionChanges();

        var ex = Assert.Throws<AqueraValidationException>(() => changes.ScimUrl = new Uri("ftp://aquera.example.test/scim"));

        Assert.Equal(ErrorIds.InvalidScimUrl, ex.ErrorId);
        Assert.Null(changes.ScimUrl);
    }
}

using System;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Unit;

public class RedactorTests
{
    private const string Secret = "Zq9-S3cr3t.V4lue~x";

    [Theory]
    [InlineData("ACCESS_TOKEN")]
    [InlineData("BASIC_AUTH_PASSWORD")]
    [InlineData("client_secret")]
    [InlineData("access_token")]
    [InlineData("refresh_token")]
    [InlineData("OAUTH_ACCESS_TOKEN")]
    public void Secret_json_members_are_masked_and_others_kept(string member)
    {
        string json = "{\"SCIM_URL\":\"https://a.example.test/scim\",\"" + member + "\" : \"" + Secret + "\",\"BASIC_AUTH_USER\":\"bob\"}";

        string redacted = Redactor.RedactText(json);

        Assert.DoesNotContain(Secret, redacted, StringComparison.Ordinal);
        Assert.Contains("\"" + member + "\" : \"***\"", redacted, StringComparison.Ordinal);
        Assert.Contains("\"SCIM_URL\":\"https://a.example.test/scim\"", redacted, StringComparison.Ordinal);
        Assert.Contains("\"BASIC_AUTH_USER\":\"bob\"", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_json_value_with_escaped_quotes_is_masked_whole()
    {
        string json = "{\"ACCESS_TOKEN\":\"abc\\\"def" + Secret + "\",\"next\":1}";

        string redacted = Redactor.RedactText(json);

        Assert.DoesNotContain(Secret, redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("def", redacted, StringComparison.Ordinal);
        Assert.Contains("\"next\":1", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Pretty_printed_store_configuration_is_masked()
    {
        string json = "{\n  \"configuration\": {\n    \"BASIC_AUTH_PASSWORD\": \"" + Secret + "\",\n    \"ACCESS_TOKEN\": \"" + Secret + "2\"\n  }\n}";

        Assert.DoesNotContain(Secret, Redactor.RedactText(json), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("grant_type=client_credentials&client_id=abc&client_secret=" + Secret)]
    [InlineData("client_secret=" + Secret + "&grant_type=client_credentials")]
    [InlineData("https://x.example.test/cb?access_token=" + Secret + "&state=1")]
    [InlineData("password=" + Secret)]
    public void Form_and_query_secrets_are_masked(string text)
    {
        string redacted = Redactor.RedactText(text);

        Assert.DoesNotContain(Secret, redacted, StringComparison.Ordinal);
        Assert.Contains("=***", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Form_bodies_keep_their_harmless_fields()
    {
        string redacted = Redactor.RedactText("grant_type=client_credentials&client_id=abc&client_secret=" + Secret);

        Assert.Equal("grant_type=client_credentials&client_id=abc&client_secret=***", redacted);
    }

    [Theory]
    [InlineData("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl")]
    [InlineData("Authorization: Basic Ym9iOnBhc3N3b3Jk")]
    [InlineData("authorization=Basic Ym9iOnBhc3N3b3Jk")]
    [InlineData("Proxy-Authorization: Basic Ym9iOnBhc3N3b3Jk")]
    public void Authorization_headers_are_masked(string header)
    {
        string redacted = Redactor.RedactText("GET /x\r\n" + header + "\r\nAccept: application/json");

        Assert.DoesNotContain("Ym9iOnBhc3N3b3Jk", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("c2lnbmF0dXJl", redacted, StringComparison.Ordinal);
        Assert.Contains("***", redacted, StringComparison.Ordinal);
        Assert.Contains("Accept: application/json", redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("the header was Bearer abc.DEF-ghi_123~+/= and more", "Bearer ***")]
    [InlineData("sent basic Ym9iOnBhc3N3b3Jk==", "basic ***")]
    public void Bare_scheme_and_credential_pairs_are_masked(string text, string expected)
    {
        string redacted = Redactor.RedactText(text);

        Assert.Contains(expected, redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("Ym9iOnBhc3N3b3Jk", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("abc.DEF", redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://alice:" + Secret + "@aquera.example.test/scim", "https://***@aquera.example.test/scim")]
    [InlineData("see http://" + Secret + "@127.0.0.1:9/x for details", "see http://***@127.0.0.1:9/x for details")]
    public void Url_user_info_is_masked(string text, string expected)
    {
        Assert.Equal(expected, Redactor.RedactUrl(text));
    }

    [Theory]
    [InlineData("GET https://api.pingone.com/v1/environments/abc/propagation/stores -> 200 OK")]
    [InlineData("The connection 'HR' was created.")]
    [InlineData("{\"name\":\"HR\",\"status\":\"ACTIVE\"}")]
    public void Harmless_text_passes_unchanged(string text)
    {
        Assert.Equal(text, Redactor.RedactText(text));
    }

    [Fact]
    public void Null_and_empty_become_empty()
    {
        Assert.Equal(string.Empty, Redactor.RedactText(null));
        Assert.Equal(string.Empty, Redactor.RedactText(string.Empty));
    }

    [Fact]
    public void Exceptions_redact_what_they_are_given()
    {
        var op = new AqueraOperationException(ErrorIds.ApiError, "body was {\"ACCESS_TOKEN\":\"" + Secret + "\"}");
        var api = new PingOneApiException(
            400,
            "PUT",
            new Uri("https://api.example.test/v1/x"),
            "INVALID_DATA",
            "client_secret=" + Secret,
            new[] { new PingOneErrorDetail { Target = "configuration.ACCESS_TOKEN", Message = "Authorization: Bearer " + Secret } },
            "corr",
            "txn");

        Assert.DoesNotContain(Secret, op.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, api.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, api.ApiMessage!, StringComparison.Ordinal);
    }
}

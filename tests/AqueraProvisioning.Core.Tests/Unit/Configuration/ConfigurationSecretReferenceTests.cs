using System;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Unit.Configuration;

public class ConfigurationSecretReferenceTests
{
    [Theory]
    [InlineData("env:AQUERA_SECRET_HR", ConfigurationSecretSource.EnvironmentVariable, "AQUERA_SECRET_HR", "env:AQUERA_SECRET_HR")]
    [InlineData("ENV:_lower_ok", ConfigurationSecretSource.EnvironmentVariable, "_lower_ok", "env:_lower_ok")]
    [InlineData("secret:Aquera/HR token", ConfigurationSecretSource.SecretVault, "Aquera/HR token", "secret:Aquera/HR token")]
    [InlineData("Secret:x", ConfigurationSecretSource.SecretVault, "x", "secret:x")]
    [InlineData("HrToken", ConfigurationSecretSource.Supplied, "HrToken", "HrToken")]
    [InlineData("hr-token.v2", ConfigurationSecretSource.Supplied, "hr-token.v2", "hr-token.v2")]
    public void References_parse_into_source_and_name_and_write_back_canonically(string text, ConfigurationSecretSource source, string name, string written)
    {
        ConfigurationSecretReference reference = ConfigurationSecretReference.Parse(text);

        Assert.Equal((source, name, written), (reference.Source, reference.Name, reference.ToString()));
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("   ", "is empty")]
    [InlineData("env:", "not a valid name")]
    [InlineData("env:1ABC", "not a valid name")]
    [InlineData("env:A-B", "not a valid name")]
    [InlineData("secret: padded", "not a valid vault secret name")]
    [InlineData("vault:x", "unknown prefix 'vault:'")]
    [InlineData("my token", "not a valid name")]
    public void Malformed_references_say_what_is_wrong(string text, string expected)
    {
        Assert.False(ConfigurationSecretReference.TryParse(text, out ConfigurationSecretReference? reference, out string? problem));

        Assert.Null(reference);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => ConfigurationSecretReference.Parse(text));
    }

    [Theory]
    [InlineData("base64:dG9rZW4tdmFsdWUtdGhhdC1pcy1sb25n+/=")]
    [InlineData("dG9rZW4tdmFsdWUtdGhhdC1pcy1sb25n+/==")]
    [InlineData("secret:\tdG9rZW4tdmFsdWU")]
    public void A_malformed_reference_is_not_repeated_in_its_problem_beyond_a_prefix(string text)
    {
        Assert.False(ConfigurationSecretReference.TryParse(text, out _, out string? problem));

        string afterPrefix = text.Substring(text.IndexOf(':', StringComparison.Ordinal) + 1).Trim();
        Assert.DoesNotContain(afterPrefix.Substring(0, 12), problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("8f14e45fceea167a5a36dedd4bea2543")]
    [InlineData("env:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b")]
    [InlineData("AbCdEfGh1234567890IjKlMnOp")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhcXVlcmEifQ.c2lnbmF0dXJlLXBhcnQ")]
    [InlineData("env:eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.sig_part-1")]
    public void A_value_that_looks_like_a_pasted_token_is_refused_without_being_repeated(string text)
    {
        Assert.False(ConfigurationSecretReference.TryParse(text, out _, out string? problem));

        Assert.Contains("looks like a secret value", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(text.Substring(text.IndexOf(':', StringComparison.Ordinal) + 1), problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Workday via Aquera", "AQUERA_SECRET_WORKDAY_VIA_AQUERA")]
    [InlineData("  ServiceNow (prod) -- EU ", "AQUERA_SECRET_SERVICENOW_PROD_EU")]
    [InlineData("Zürich Café", "AQUERA_SECRET_ZURICH_CAFE")]
    [InlineData("東京", "AQUERA_SECRET_CONNECTION")]
    [InlineData("hr2", "AQUERA_SECRET_HR2")]
    public void The_default_reference_is_an_environment_variable_named_after_the_connection(string connection, string variable)
    {
        ConfigurationSecretReference reference = ConfigurationSecretReference.DefaultFor(connection);

        Assert.Equal(ConfigurationSecretSource.EnvironmentVariable, reference.Source);
        Assert.Equal(variable, reference.Name);
        Assert.Equal(reference, ConfigurationSecretReference.Parse(reference.ToString()));
    }

    [Fact]
    public void A_default_for_a_very_long_name_stays_a_valid_variable_with_room_for_a_number()
    {
        ConfigurationSecretReference reference = ConfigurationSecretReference.DefaultFor(new string('a', AqueraInput.MaxNameLength));

        Assert.True(reference.Name.Length <= ConfigurationSecretReference.MaxNameLength - 4);
        Assert.NotNull(ConfigurationSecretReference.EnvironmentVariable(reference.Name + "_99"));
    }
}

using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using AqueraProvisioning.Cmdlets.Tests.Support;
using AqueraProvisioning.Core;
using AqueraProvisioning.Core.Tests.Unit.Configuration;
using AqueraProvisioning.Internal;
using Xunit;

namespace AqueraProvisioning.Cmdlets.Tests;

/// <summary>Where the cmdlet layer finds secrets: -Secret entries, environment variables and a vault lookup.</summary>
public sealed class ConfigurationSecretResolverTests : IDisposable
{
    private readonly string _variable = "AQUERA_TEST_SECRET_" + Guid.NewGuid().ToString("N").ToUpperInvariant();

    public void Dispose() => Environment.SetEnvironmentVariable(_variable, null);

    private static string Reveal(SecretLookup lookup) => SecretText.Reveal(Assert.IsType<System.Security.SecureString>(lookup.Secret));

    [Fact]
    public void An_environment_variable_reference_reads_the_variable_and_names_it_when_it_is_not_set()
    {
        var resolver = new ConfigurationSecretResolver(null, null);
        ConfigurationSecretReference reference = ConfigurationSecretReference.EnvironmentVariable(_variable);

        SecretLookup unset = resolver.Find(reference);
        Environment.SetEnvironmentVariable(_variable, "token-from-env");
        SecretLookup set = resolver.Find(reference);

        Assert.False(unset.IsFound);
        Assert.Equal("the environment variable " + _variable + " is not set", unset.Reason);
        Assert.Equal("token-from-env", Reveal(set));
        Assert.False(resolver.IsSupplied(reference));
    }

    [Fact]
    public void A_secret_entry_supplies_any_reference_by_name_case_insensitively_and_wins_over_the_environment()
    {
        Environment.SetEnvironmentVariable(_variable, "from-env");
        var supplied = new Dictionary<string, object?>(StringComparer.Ordinal) { [_variable.ToLowerInvariant()] = CmdletHost.Secure("from-secret") };
        var resolver = new ConfigurationSecretResolver(supplied, null);
        ConfigurationSecretReference reference = ConfigurationSecretReference.EnvironmentVariable(_variable);

        Assert.True(resolver.IsSupplied(reference));
        Assert.Equal("from-secret", Reveal(resolver.Find(reference)));
    }

    [Fact]
    public void A_credential_entry_gives_its_user_and_password_and_a_plain_string_is_refused()
    {
        var supplied = new Hashtable
        {
            ["Basic"] = PSObject.AsPSObject(new PSCredential("svc", CmdletHost.Secure("pw"))),
            ["Plain"] = "not-a-secure-string",
        };
        var resolver = new ConfigurationSecretResolver(supplied, null);

        SecretLookup basic = resolver.Find(ConfigurationSecretReference.Parse("Basic"));
        SecretLookup plain = resolver.Find(ConfigurationSecretReference.Parse("Plain"));
        SecretLookup absent = resolver.Find(ConfigurationSecretReference.Parse("Absent"));

        Assert.Equal(("svc", "pw"), (basic.UserName, Reveal(basic)));
        Assert.Equal("the -Secret entry 'Plain' is not a SecureString or a PSCredential", plain.Reason);
        Assert.DoesNotContain("not-a-secure-string", plain.Reason, StringComparison.Ordinal);
        Assert.Equal("-Secret has no entry 'Absent'", absent.Reason);
    }

    [Fact]
    public void A_vault_reference_uses_the_vault_when_there_is_one_and_says_SecretManagement_is_missing_otherwise()
    {
        ConfigurationSecretReference reference = ConfigurationSecretReference.Parse("secret:Aquera HR");
        var asked = new List<string>();
        var withVault = new ConfigurationSecretResolver(null, name =>
        {
            asked.Add(name);
            return SecretLookup.Found(CmdletHost.Secure("from-vault"));
        });

        Assert.Equal("from-vault", Reveal(withVault.Find(reference)));
        Assert.Equal(new[] { "Aquera HR" }, asked);
        Assert.StartsWith("Microsoft.PowerShell.SecretManagement is not installed", new ConfigurationSecretResolver(null, null).Find(reference).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void With_Core_the_resolver_turns_an_import_into_credentials_and_lists_what_is_missing()
    {
        AqueraConfiguration desired = ConfigurationSamples.Document(ConfigurationSamples.Bearer("HR"), ConfigurationSamples.Basic("SN", user: "svc"), ConfigurationSamples.Bearer("Absent"));
        desired.Connections[0].Secret = ConfigurationSecretReference.EnvironmentVariable(_variable);
        desired.Connections[1].Secret = ConfigurationSecretReference.Parse("SnPassword");
        Environment.SetEnvironmentVariable(_variable, "hr-token");
        var resolver = new ConfigurationSecretResolver(new Hashtable { ["SnPassword"] = CmdletHost.Secure("sn-pw") }, null);
        ConfigurationPlan plan = ConfigurationPlanner.Plan(desired, new AqueraConfiguration());

        var ex = Assert.Throws<AqueraConfigurationException>(() => ConfigurationSecrets.Resolve(desired, plan, resolver, "prod.psd1"));
        desired.Connections.RemoveAt(2);
        IReadOnlyDictionary<string, AqueraCredential> credentials = ConfigurationSecrets.Resolve(desired, ConfigurationPlanner.Plan(desired, new AqueraConfiguration()), resolver, "prod.psd1");

        Assert.Equal(ErrorIds.UnresolvedSecret, ex.ErrorId);
        Assert.Equal("prod.psd1: Connections[2] 'Absent' Secret: 'env:AQUERA_SECRET_ABSENT' (needed to create the connection) was not found: the environment variable AQUERA_SECRET_ABSENT is not set.", Assert.Single(ex.Problems).ToString());
        Assert.Equal(AqueraAuthenticationMethod.BearerToken, credentials["HR"].Method);
        Assert.Equal((AqueraAuthenticationMethod.BasicAuth, "svc"), (credentials["SN"].Method, credentials["SN"].UserName));
    }
}

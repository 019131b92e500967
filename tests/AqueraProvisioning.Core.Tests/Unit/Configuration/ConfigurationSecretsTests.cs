using System;
using System.Collections.Generic;
using System.Linq;
using System.Security;
using Xunit;
using AqueraProvisioning.Core.Tests.Support;
using static AqueraProvisioning.Core.Tests.Support.Secure;
using static AqueraProvisioning.Core.Tests.Unit.Configuration.ConfigurationSamples;

namespace AqueraProvisioning.Core.Tests.Unit.Configuration;

public class ConfigurationSecretsTests
{
    [Fact]
    public void Only_the_connections_the_plan_sends_a_credential_for_are_looked_up()
    {
        AqueraConfiguration current = Document(Bearer("Existing"));
        AqueraConfiguration desired = Document(Bearer("Existing"), Bearer("New"));
        var resolver = new FakeResolver { ["AQUERA_SECRET_NEW"] = SecretLookup.Found(From("new-token")) };

        IReadOnlyDictionary<string, AqueraCredential> credentials = ConfigurationSecrets.Resolve(desired, ConfigurationPlanner.Plan(desired, current), resolver, "prod.psd1");

        Assert.Equal(new[] { "AQUERA_SECRET_NEW" }, resolver.Looked);
        AqueraCredential credential = credentials["new"];
        Assert.Equal(AqueraAuthenticationMethod.BearerToken, credential.Method);
        Assert.Equal("new-token", SecretText.Reveal(credential.Secret));
        Assert.False(credentials.ContainsKey("Existing"));
    }

    [Fact]
    public void Every_unresolved_secret_is_reported_at_once_naming_the_item_the_reference_and_why_it_was_needed()
    {
        AqueraConfiguration desired = Document(Bearer("A"), Bearer("B"), Bearer("C"));
        desired.Connections[1].Secret = ConfigurationSecretReference.Parse("secret:B token");
        var resolver = new FakeResolver { ["AQUERA_SECRET_C"] = SecretLookup.Found(From("   ")) };

        var ex = Assert.Throws<AqueraConfigurationException>(() => ConfigurationSecrets.Resolve(desired, ConfigurationPlanner.Plan(desired, new AqueraConfiguration()), resolver, "prod.psd1"));

        Assert.Equal(ErrorIds.UnresolvedSecret, ex.ErrorId);
        Assert.Equal(
            new[]
            {
                "prod.psd1: Connections[0] 'A' Secret: 'env:AQUERA_SECRET_A' (needed to create the connection) was not found: nothing under AQUERA_SECRET_A.",
                "prod.psd1: Connections[1] 'B' Secret: 'secret:B token' (needed to create the connection) was not found: nothing under B token.",
                "prod.psd1: Connections[2] 'C' Secret: 'env:AQUERA_SECRET_C' (needed to create the connection) is empty.",
            },
            ex.Problems.Select(p => p.ToString()));
        Assert.All(ex.Problems, p => Assert.Equal(ConfigurationProblemKind.UnresolvedSecret, p.Kind));
        Assert.StartsWith("3 secrets that the configuration file 'prod.psd1' names could not be resolved, so nothing was changed:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_supplied_secret_is_planned_as_a_credential_update_and_resolved()
    {
        AqueraConfiguration current = Document(Bearer("HR"), Bearer("Other"));
        AqueraConfiguration desired = Copy(current);
        desired.Connections[0].Secret = ConfigurationSecretReference.Parse("HrToken");
        var resolver = new FakeResolver { ["HrToken"] = SecretLookup.Found(From("rotated")) };
        resolver.Supplied.Add("HrToken");
        var options = new ConfigurationPlanOptions();
        options.SuppliedSecrets.UnionWith(ConfigurationSecrets.Supplied(desired, resolver));

        ConfigurationPlan plan = ConfigurationPlanner.Plan(desired, current, options);
        IReadOnlyDictionary<string, AqueraCredential> credentials = ConfigurationSecrets.Resolve(desired, plan, resolver);

        Assert.Equal(new[] { "HR" }, options.SuppliedSecrets);
        Assert.Equal(ConfigurationCredentialUse.Supplied, plan.Changes[0].CredentialUse);
        Assert.Equal("rotated", SecretText.Reveal(credentials["HR"].Secret));
        Assert.Equal(ConfigurationAction.Unchanged, plan.Changes[1].Action);
    }

    [Fact]
    public void A_basic_connection_takes_the_secret_as_its_users_password_and_a_credential_must_be_for_that_user()
    {
        AqueraConfiguration desired = Document(Basic("Right", user: "svc"), Basic("Wrong", user: "svc"), Basic("Plain", user: "svc"));
        var resolver = new FakeResolver
        {
            ["AQUERA_SECRET_RIGHT"] = SecretLookup.Found(From("pw1"), "svc"),
            ["AQUERA_SECRET_WRONG"] = SecretLookup.Found(From("pw2"), "someone-else"),
            ["AQUERA_SECRET_PLAIN"] = SecretLookup.Found(From("pw3")),
        };

        var ex = Assert.Throws<AqueraConfigurationException>(() => ConfigurationSecrets.Resolve(desired, ConfigurationPlanner.Plan(desired, new AqueraConfiguration()), resolver));

        ConfigurationProblem problem = Assert.Single(ex.Problems);
        Assert.Equal("Connections[1] 'Wrong'", problem.Item);
        Assert.Contains("is a credential for 'someone-else', but BasicAuthUser is 'svc'", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pw2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Basic_credentials_carry_the_files_user_and_the_secret_as_password()
    {
        AqueraConfiguration desired = Document(Basic("SN", user: "svc"));
        var resolver = new FakeResolver { ["AQUERA_SECRET_SN"] = SecretLookup.Found(From("pw")) };

        AqueraCredential credential = ConfigurationSecrets.Resolve(desired, ConfigurationPlanner.Plan(desired, new AqueraConfiguration()), resolver)["SN"];

        Assert.Equal((AqueraAuthenticationMethod.BasicAuth, "svc", "pw"), (credential.Method, credential.UserName, SecretText.Reveal(credential.Secret)));
    }

    [Fact]
    public void A_plan_with_nothing_to_send_resolves_nothing_even_when_every_reference_is_missing()
    {
        AqueraConfiguration current = Document(Bearer("A"), Basic("B"));
        var resolver = new FakeResolver();

        IReadOnlyDictionary<string, AqueraCredential> credentials = ConfigurationSecrets.Resolve(Copy(current), ConfigurationPlanner.Plan(Copy(current), current), resolver);

        Assert.Empty(credentials);
        Assert.Empty(resolver.Looked);
    }
}

using System;
using AqueraProvisioning.Core.Tests.Support;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Unit;

public class ScimProbeTargetTests
{
    private static PropagationStore Store(string configuration) =>
        WireStores.Parse("{\"id\":\"i\",\"name\":\"N\",\"type\":\"Aquera\",\"configuration\":{\"SCIM_URL\":\"https://api.aquera.io/scim/t/a\"," + configuration + "}}");

    [Fact]
    public void A_stored_bearer_token_that_PingOne_returned_is_used()
    {
        ScimProbeTarget target = ScimProbeTarget.For(Store("\"AUTHENTICATION_METHOD\":\"OAuth Bearer Token\",\"ACCESS_TOKEN\":\"stored-token\""), null, null);

        Assert.Equal("https://api.aquera.io/scim/t/a", target.ScimUrl);
        Assert.Equal(AqueraAuthenticationMethod.BearerToken, target.Credential!.Method);
        Assert.Equal("stored-token", SecretText.Reveal(target.Credential.Secret));
    }

    [Fact]
    public void Stored_basic_credentials_are_used_with_their_user()
    {
        ScimProbeTarget target = ScimProbeTarget.For(Store("\"AUTHENTICATION_METHOD\":\"Basic Auth\",\"BASIC_AUTH_USER\":\"svc\",\"BASIC_AUTH_PASSWORD\":\"pw\""), null, null);

        Assert.Equal(AqueraAuthenticationMethod.BasicAuth, target.Credential!.Method);
        Assert.Equal("svc", target.Credential.UserName);
    }

    [Fact]
    public void Without_a_returned_secret_there_is_no_credential_so_the_probe_stops_before_authentication()
    {
        ScimProbeTarget target = ScimProbeTarget.For(Store("\"AUTHENTICATION_METHOD\":\"OAuth Bearer Token\""), null, null);

        Assert.Null(target.Credential);
    }

    [Fact]
    public void A_new_url_and_given_credentials_win_over_the_stored_ones()
    {
        AqueraCredential given = AqueraCredential.Basic("new-user", Secure.From("new-password"));

        ScimProbeTarget target = ScimProbeTarget.For(Store("\"AUTHENTICATION_METHOD\":\"OAuth Bearer Token\",\"ACCESS_TOKEN\":\"stored-token\""), new Uri("https://api.aquera.io/scim/t/b"), given);

        Assert.Equal("https://api.aquera.io/scim/t/b", target.ScimUrl);
        Assert.Same(given, target.Credential);
    }
}

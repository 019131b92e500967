using System;
using System.Text.Json;
using AqueraProvisioning.Core.Tests.Support;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Unit;

public class StoreMapperTests
{
    private const string EnvId = "5e1d8a6c-2f0b-4f4e-9a53-0d6f5e0b7c11";

    private static AqueraConnection Map(string configuration, string extra = "") =>
        StoreMapper.ToConnection(WireStores.Parse("{\"id\":\"i\",\"name\":\"N\",\"type\":\"Aquera\"" + extra + ",\"configuration\":{" + configuration + "}}"), EnvId);

    [Fact]
    public void A_full_store_maps_to_the_console_view()
    {
        PropagationStore store = WireStores.Parse("""
            {
              "id": "0b7e3b8e-2a7c-4c53-9d0e-6a1b2c3d4e5f",
              "environment": { "id": "11111111-2222-3333-4444-555555555555" },
              "name": "HR", "description": "d", "type": "Aquera", "status": "ACTIVE", "managed": true,
              "configuration": {
                "SCIM_URL": "https://api.aquera.io/scim/t/a", "AUTHENTICATION_METHOD": "Basic Auth",
                "BASIC_AUTH_USER": "svc", "BASIC_AUTH_PASSWORD": "pw-secret",
                "CREATE_USERS": true, "UPDATE_USERS": false, "DISABLE_USERS": true,
                "REMOVE_ACTION": "Delete", "GROUP_NAME_SOURCE": "Distinguished Name"
              },
              "createdAt": "2026-01-01T00:00:00Z", "updatedAt": "2026-01-02T03:04:05Z",
              "syncStatus": {
                "syncState": "FAILED", "lastSyncAt": "2026-01-03T00:00:00Z", "successCount": 41, "failedCount": 2,
                "failedDeprovisionCount": 1, "userTotal": 44, "details": "401 Unauthorized from the SCIM service: invalid credentials"
              }
            }
            """);

        AqueraConnection c = StoreMapper.ToConnection(store, EnvId);

        Assert.Equal("0b7e3b8e-2a7c-4c53-9d0e-6a1b2c3d4e5f", c.Id);
        Assert.Equal("11111111-2222-3333-4444-555555555555", c.EnvironmentId);
        Assert.Equal("HR", c.Name);
        Assert.Equal("d", c.Description);
        Assert.Equal(new Uri("https://api.aquera.io/scim/t/a"), c.ScimUrl);
        Assert.Equal(AqueraAuthenticationMethod.BasicAuth, c.AuthenticationMethod);
        Assert.True(c.Enabled);
        Assert.True(c.AllowCreate);
        Assert.False(c.AllowUpdate);
        Assert.True(c.AllowDisable);
        Assert.Equal(AqueraRemoveAction.Delete, c.RemoveAction);
        Assert.True(c.DeprovisionOnRuleDeletion);
        Assert.Equal(AqueraGroupNameSource.DistinguishedName, c.GroupNameSource);
        Assert.Equal("FAILED", c.SyncState);
        Assert.Equal(new DateTimeOffset(2026, 1, 3, 0, 0, 0, TimeSpan.Zero), c.LastSyncAt);
        Assert.Equal((41, 2, 1, 44), (c.SuccessCount, c.FailedCount, c.FailedDeprovisionCount, c.UserTotal));
        Assert.Equal("401 Unauthorized from the SCIM service: invalid credentials", c.SyncDetails);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), c.UpdatedAt);
        Assert.Equal("HR", c.ToString());
    }

    [Fact]
    public void Sync_counters_that_PingOne_does_not_send_are_null_not_zero()
    {
        AqueraConnection none = Map(string.Empty);
        AqueraConnection partial = Map(string.Empty, ",\"syncStatus\":{\"syncState\":\"SYNCING\",\"successCount\":0,\"details\":\"\"}");

        Assert.Equal((null, null, null, null, null), (none.SuccessCount, none.FailedCount, none.FailedDeprovisionCount, none.UserTotal, none.SyncDetails));
        Assert.Equal(0, partial.SuccessCount);
        Assert.Null(partial.FailedCount);
        Assert.Null(partial.SyncDetails);
    }

    [Fact]
    public void Sync_details_that_quote_an_authorization_header_show_it_masked()
    {
        AqueraConnection c = Map(string.Empty, ",\"syncStatus\":{\"details\":\"SCIM POST /Users answered 500: Authorization: Bearer tok-3f9a1c77e2 was refused\"}");

        Assert.DoesNotContain("tok-3f9a1c77e2", c.SyncDetails, StringComparison.Ordinal);
        Assert.StartsWith("SCIM POST /Users answered 500: Authorization: ", c.SyncDetails, StringComparison.Ordinal);
    }

    [Fact]
    public void Sync_counters_sent_as_text_are_still_read_as_numbers()
    {
        AqueraConnection c = Map(string.Empty, ",\"syncStatus\":{\"successCount\":\"7\",\"userTotal\":\"9\"}");

        Assert.Equal((7, 9), (c.SuccessCount, c.UserTotal));
    }

    [Fact]
    public void The_connection_object_carries_no_secret()
    {
        AqueraConnection c = Map("\"AUTHENTICATION_METHOD\":\"Basic Auth\",\"BASIC_AUTH_PASSWORD\":\"pw-secret-9\",\"ACCESS_TOKEN\":\"tok-secret-9\"");

        string everything = JsonSerializer.Serialize(c) + c;

        Assert.DoesNotContain("secret-9", everything, StringComparison.Ordinal);
    }

    [Fact]
    public void The_session_environment_is_used_when_the_store_names_none()
    {
        Assert.Equal(EnvId, Map(string.Empty).EnvironmentId);
    }

    [Theory]
    [InlineData("\"createNewUsers\":true,\"updateNewUsers\":true,\"disableNewUsers\":true", true)]
    [InlineData("\"createNewUsers\":\"true\",\"updateNewUsers\":\"True\",\"disableNewUsers\":\"TRUE\"", true)]
    [InlineData("\"createNewUsers\":false,\"updateNewUsers\":false,\"disableNewUsers\":false", false)]
    public void Deprecated_aliases_are_read_when_the_documented_keys_are_absent(string configuration, bool expected)
    {
        AqueraConnection c = Map(configuration);

        Assert.Equal(expected, c.AllowCreate);
        Assert.Equal(expected, c.AllowUpdate);
        Assert.Equal(expected, c.AllowDisable);
    }

    [Fact]
    public void The_documented_key_wins_over_its_deprecated_alias()
    {
        AqueraConnection c = Map("\"CREATE_USERS\":false,\"createNewUsers\":true,\"UPDATE_USERS\":\"true\",\"updateNewUsers\":false");

        Assert.False(c.AllowCreate);
        Assert.True(c.AllowUpdate);
    }

    [Fact]
    public void An_unreadable_documented_key_falls_back_to_the_alias()
    {
        AqueraConnection c = Map("\"CREATE_USERS\":\"maybe\",\"createNewUsers\":true,\"DISABLE_USERS\":1");

        Assert.True(c.AllowCreate);
        Assert.False(c.AllowDisable);
    }

    [Fact]
    public void Unknown_wire_values_become_null_rather_than_wrong()
    {
        AqueraConnection c = Map("\"SCIM_URL\":\"not a url\",\"AUTHENTICATION_METHOD\":\"None\",\"REMOVE_ACTION\":\"Archive\",\"GROUP_NAME_SOURCE\":\"Email\"", ",\"status\":\"PAUSED\"");

        Assert.Null(c.ScimUrl);
        Assert.Null(c.AuthenticationMethod);
        Assert.Null(c.RemoveAction);
        Assert.Null(c.GroupNameSource);
        Assert.False(c.Enabled);
    }

    [Theory]
    [InlineData("ACTIVE", true)]
    [InlineData("active", true)]
    [InlineData("INACTIVE", false)]
    public void Status_is_the_enable_toggle(string status, bool enabled)
    {
        Assert.Equal(enabled, Map(string.Empty, ",\"status\":\"" + status + "\"").Enabled);
    }

    [Theory]
    [InlineData("Aquera", true)]
    [InlineData("aquera", false)]
    [InlineData("scim", false)]
    [InlineData("LDAP_GATEWAY", false)]
    public void Only_aquera_stores_are_connections(string type, bool expected)
    {
        Assert.Equal(expected, StoreMapper.IsAquera(new PropagationStore { Type = type }));
    }

    [Fact]
    public void A_secret_counts_only_when_it_is_a_non_empty_string()
    {
        PropagationStore store = WireStores.Parse("""{"configuration":{"ACCESS_TOKEN":"t","BASIC_AUTH_PASSWORD":"","OTHER":null,"NUM":5}}""");

        Assert.True(StoreMapper.HasSecret(store.Configuration!, "ACCESS_TOKEN"));
        Assert.False(StoreMapper.HasSecret(store.Configuration!, "BASIC_AUTH_PASSWORD"));
        Assert.False(StoreMapper.HasSecret(store.Configuration!, "OTHER"));
        Assert.False(StoreMapper.HasSecret(store.Configuration!, "NUM"));
        Assert.False(StoreMapper.HasSecret(store.Configuration!, "MISSING"));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData("Disable, Delete")]
    [InlineData("delete")]
    public void Remove_action_is_read_only_from_its_documented_wire_words(string wire)
    {
        Assert.Null(Map("\"REMOVE_ACTION\":\"" + wire + "\"").RemoveAction);
    }
}

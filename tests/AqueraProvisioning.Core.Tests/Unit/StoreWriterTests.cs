using System;
using System.Linq;
using System.Text.Json.Nodes;
using AqueraProvisioning.Core.Tests.Support;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Unit;

public class StoreWriterTests
{
    // A saved store as the service might return it: read-only members, an unknown top-level member, unknown
    // configuration keys (one of them nested), a deprecated alias and the returned secret.
    private const string SavedJson = """
        {
          "id": "0b7e3b8e-2a7c-4c53-9d0e-6a1b2c3d4e5f",
          "environment": { "id": "5e1d8a6c-2f0b-4f4e-9a53-0d6f5e0b7c11" },
          "name": "HR Aquera",
          "description": "people",
          "type": "Aquera",
          "status": "INACTIVE",
          "managed": false,
          "image": { "href": "https://img.example.test/a.png" },
          "futureTopLevel": { "x": [1, 2, 3] },
          "configuration": {
            "SCIM_URL": "https://api.aquera.io/scim/t/a",
            "AUTHENTICATION_METHOD": "OAuth Bearer Token",
            "ACCESS_TOKEN": "returned-token-123",
            "CREATE_USERS": true,
            "UPDATE_USERS": false,
            "DISABLE_USERS": false,
            "REMOVE_ACTION": "Disable",
            "createNewUsers": true,
            "UNKNOWN_KEY": "keep me",
            "UNKNOWN_NESTED": { "a": 1, "b": [true, null] }
          },
          "createdAt": "2026-01-01T00:00:00Z",
          "updatedAt": "2026-01-02T00:00:00Z",
          "syncStatus": { "syncState": "SYNCING" },
          "_links": { "self": { "href": "https://x" } }
        }
        """;

    private static PropagationStore Saved() => WireStores.Parse(SavedJson);

    [Fact]
    public void No_changes_send_back_everything_writable_exactly_as_it_came()
    {
        JsonObject body = WireStores.ToNode(StoreWriter.Apply(Saved(), new AqueraConnectionChanges()));
        JsonObject saved = JsonNode.Parse(SavedJson)!.AsObject();

        Assert.True(JsonNode.DeepEquals(saved["configuration"], body["configuration"]));
        Assert.True(JsonNode.DeepEquals(saved["futureTopLevel"], body["futureTopLevel"]));
        Assert.True(JsonNode.DeepEquals(saved["image"], body["image"]));
        Assert.Equal("HR Aquera", (string?)body["name"]);
        Assert.Equal("people", (string?)body["description"]);
        Assert.Equal("Aquera", (string?)body["type"]);
        Assert.Equal("INACTIVE", (string?)body["status"]);
        Assert.False((bool)body["managed"]!);
    }

    [Fact]
    public void Read_only_members_are_left_out_of_the_replacement()
    {
        JsonObject body = WireStores.ToNode(StoreWriter.Apply(Saved(), new AqueraConnectionChanges()));

        foreach (string member in new[] { "id", "environment", "createdAt", "updatedAt", "syncStatus", "_links" })
        {
            Assert.False(body.ContainsKey(member), member + " should not be sent back");
        }
    }

    [Fact]
    public void Only_the_named_keys_change()
    {
        var changes = new AqueraConnectionChanges
        {
            AllowUpdate = true,
            RemoveAction = AqueraRemoveAction.Delete,
            State = AqueraConnectionState.Enabled,
        };

        JsonObject before = WireStores.ToNode(StoreWriter.Apply(Saved(), new AqueraConnectionChanges()));
        JsonObject after = WireStores.ToNode(StoreWriter.Apply(Saved(), changes));

        Assert.Equal("ACTIVE", (string?)after["status"]);
        JsonObject beforeConfig = before["configuration"]!.AsObject();
        JsonObject afterConfig = after["configuration"]!.AsObject();
        Assert.True((bool)afterConfig["UPDATE_USERS"]!);
        Assert.Equal("Delete", (string?)afterConfig["REMOVE_ACTION"]);
        var changedKeys = afterConfig.Where(p => !JsonNode.DeepEquals(p.Value, beforeConfig[p.Key])).Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "REMOVE_ACTION", "UPDATE_USERS" }, changedKeys);
        Assert.Equal(beforeConfig.Count, afterConfig.Count);
        Assert.Equal("returned-token-123", (string?)afterConfig["ACCESS_TOKEN"]);
        Assert.Equal("keep me", (string?)afterConfig["UNKNOWN_KEY"]);
        Assert.Equal("HR Aquera", (string?)after["name"]);
        Assert.Equal("people", (string?)after["description"]);
    }

    [Fact]
    public void A_flag_also_updates_its_deprecated_alias_when_present_but_never_adds_one()
    {
        JsonObject config = WireStores.ToNode(StoreWriter.Apply(Saved(), new AqueraConnectionChanges { AllowCreate = false, AllowDisable = true }))["configuration"]!.AsObject();

        Assert.False((bool)config["CREATE_USERS"]!);
        Assert.False((bool)config["createNewUsers"]!);
        Assert.True((bool)config["DISABLE_USERS"]!);
        Assert.False(config.ContainsKey("disableNewUsers"));
    }

    [Fact]
    public void Name_description_managed_and_group_source_are_set_when_asked()
    {
        var changes = new AqueraConnectionChanges
        {
            Name = "Renamed",
            Description = "new text",
            DeprovisionOnRuleDeletion = true,
            GroupNameSource = AqueraGroupNameSource.DistinguishedName,
            ScimUrl = new Uri("https://api.aquera.io/scim/t/b"),
        };

        JsonObject body = WireStores.ToNode(StoreWriter.Apply(Saved(), changes));

        Assert.Equal("Renamed", (string?)body["name"]);
        Assert.Equal("new text", (string?)body["description"]);
        Assert.True((bool)body["managed"]!);
        Assert.Equal("Distinguished Name", (string?)body["configuration"]!["GROUP_NAME_SOURCE"]);
        Assert.Equal("https://api.aquera.io/scim/t/b", (string?)body["configuration"]!["SCIM_URL"]);
    }

    [Fact]
    public void An_empty_description_clears_it()
    {
        JsonObject body = WireStores.ToNode(StoreWriter.Apply(Saved(), new AqueraConnectionChanges { Description = string.Empty }));

        Assert.False(body.ContainsKey("description"));
    }

    [Fact]
    public void A_basic_credential_replaces_the_bearer_token()
    {
        var changes = new AqueraConnectionChanges { Credential = AqueraCredential.Basic("svc", Secure.From("new-pass")) };

        JsonObject config = WireStores.ToNode(StoreWriter.Apply(Saved(), changes))["configuration"]!.AsObject();

        Assert.Equal("Basic Auth", (string?)config["AUTHENTICATION_METHOD"]);
        Assert.Equal("svc", (string?)config["BASIC_AUTH_USER"]);
        Assert.Equal("new-pass", (string?)config["BASIC_AUTH_PASSWORD"]);
        Assert.False(config.ContainsKey("ACCESS_TOKEN"));
        Assert.Equal("keep me", (string?)config["UNKNOWN_KEY"]);
    }

    [Fact]
    public void A_bearer_credential_replaces_basic_user_and_password()
    {
        PropagationStore basic = WireStores.Parse("""
            {"name":"B","type":"Aquera","configuration":{"AUTHENTICATION_METHOD":"Basic Auth","BASIC_AUTH_USER":"u","BASIC_AUTH_PASSWORD":"p","X":1}}
            """);

        JsonObject config = WireStores.ToNode(StoreWriter.Apply(basic, new AqueraConnectionChanges { Credential = AqueraCredential.Bearer(Secure.From("tok-2")) }))["configuration"]!.AsObject();

        Assert.Equal("OAuth Bearer Token", (string?)config["AUTHENTICATION_METHOD"]);
        Assert.Equal("tok-2", (string?)config["ACCESS_TOKEN"]);
        Assert.False(config.ContainsKey("BASIC_AUTH_USER"));
        Assert.False(config.ContainsKey("BASIC_AUTH_PASSWORD"));
        Assert.Equal(1, (int)config["X"]!);
    }

    [Fact]
    public void Apply_does_not_modify_the_saved_store()
    {
        PropagationStore saved = Saved();

        StoreWriter.Apply(saved, new AqueraConnectionChanges { AllowUpdate = true, Credential = AqueraCredential.Bearer(Secure.From("other")) });

        Assert.Equal("returned-token-123", StoreMapper.ReadString(saved.Configuration!, "ACCESS_TOKEN"));
        Assert.False(saved.Configuration!["UPDATE_USERS"].GetBoolean());
    }

    [Fact]
    public void IsUnchanged_tells_a_no_op_from_a_change()
    {
        PropagationStore saved = Saved();

        Assert.True(StoreWriter.IsUnchanged(saved, StoreWriter.Apply(saved, new AqueraConnectionChanges())));
        Assert.True(StoreWriter.IsUnchanged(saved, StoreWriter.Apply(saved, new AqueraConnectionChanges { AllowCreate = true, State = AqueraConnectionState.Disabled })));
        Assert.False(StoreWriter.IsUnchanged(saved, StoreWriter.Apply(saved, new AqueraConnectionChanges { AllowCreate = false })));
        Assert.False(StoreWriter.IsUnchanged(saved, StoreWriter.Apply(saved, new AqueraConnectionChanges { State = AqueraConnectionState.Enabled })));
    }

    [Fact]
    public void A_draft_becomes_a_complete_aquera_store()
    {
        var draft = new AqueraConnectionDraft("New one", "https://api.aquera.io/scim/t/a", AqueraCredential.Basic("svc", Secure.From("pw")))
        {
            Description = "desc",
            AllowCreate = true,
            AllowUpdate = true,
            AllowDisable = false,
            RemoveAction = AqueraRemoveAction.Delete,
            DeprovisionOnRuleDeletion = true,
            GroupNameSource = AqueraGroupNameSource.CommonName,
        };

        JsonObject body = WireStores.ToNode(StoreWriter.FromDraft(draft, enabled: true));
        JsonObject config = body["configuration"]!.AsObject();

        Assert.Equal("Aquera", (string?)body["type"]);
        Assert.Equal("New one", (string?)body["name"]);
        Assert.Equal("desc", (string?)body["description"]);
        Assert.Equal("ACTIVE", (string?)body["status"]);
        Assert.True((bool)body["managed"]!);
        Assert.Equal(
            new[] { "AUTHENTICATION_METHOD", "BASIC_AUTH_PASSWORD", "BASIC_AUTH_USER", "CREATE_USERS", "DISABLE_USERS", "GROUP_NAME_SOURCE", "REMOVE_ACTION", "SCIM_URL", "UPDATE_USERS" },
            config.Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal).ToArray());
        Assert.Equal("Common Name", (string?)config["GROUP_NAME_SOURCE"]);
        Assert.Equal("Delete", (string?)config["REMOVE_ACTION"]);
        Assert.False((bool)config["DISABLE_USERS"]!);
        Assert.False(body.ContainsKey("id"));
    }

    [Fact]
    public void A_draft_defaults_to_disabled_disable_action_and_no_group_source()
    {
        var draft = new AqueraConnectionDraft("Plain", "https://api.aquera.io/scim/t/a", AqueraCredential.Bearer(Secure.From("t")));

        JsonObject body = WireStores.ToNode(StoreWriter.FromDraft(draft, enabled: false));

        Assert.Equal("INACTIVE", (string?)body["status"]);
        Assert.False(body.ContainsKey("description"));
        Assert.Equal("Disable", (string?)body["configuration"]!["REMOVE_ACTION"]);
        Assert.False(body["configuration"]!.AsObject().ContainsKey("GROUP_NAME_SOURCE"));
        Assert.Equal("OAuth Bearer Token", (string?)body["configuration"]!["AUTHENTICATION_METHOD"]);
        Assert.Equal("t", (string?)body["configuration"]!["ACCESS_TOKEN"]);
    }
}

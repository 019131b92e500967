using System;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace AqueraProvisioning.Sandbox.Tests;

public sealed class StoreCrudTests : SandboxTestBase
{
    [Fact]
    public async Task Create_answers_201_with_location_defaults_and_timestamps()
    {
        using var response = await PostJsonAsync(StoresUrl, StoreBodies.Bearer(Info));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await Json.ReadObjectAsync(response);
        Assert.Equal($"{StoresUrl}/{IdOf(created)}", response.Headers.Location!.ToString());
        Assert.Equal("INACTIVE", Json.Text(created["status"]));
        Assert.False(created["managed"]!.GetValue<bool>());
        Assert.Equal(Info.EnvironmentId, Json.Text(created["environment"]!["id"]));
        Assert.Equal(Json.Text(created["createdAt"]), Json.Text(created["updatedAt"]));
        Assert.Null(created["syncStatus"]);

        using var read = await Http.GetAsync(response.Headers.Location);
        Assert.Equal(created.ToJsonString(), (await Json.ReadObjectAsync(read)).ToJsonString());
    }

    [Theory]
    [InlineData("6f1c0b6e-0000-4000-8000-000000000000")]
    [InlineData("not-a-guid")]
    public async Task Unknown_or_malformed_store_id_is_404_not_found(string id)
    {
        using var response = await Http.GetAsync($"{StoresUrl}/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NOT_FOUND", Json.Text((await Json.ReadObjectAsync(response))["code"]));
    }

    [Fact]
    public async Task Put_replaces_the_whole_store_and_keeps_read_only_fields()
    {
        var created = await CreateStoreAsync(StoreBodies.Bearer(Info).With("status", "\"ACTIVE\"").With("managed", "true"));
        await Task.Delay(5);

        // A full replace without status, managed or description must reset them, as PingOne's PUT does.
        var replacement = StoreBodies.Bearer(Info, name: "Renamed").With("description", null);
        replacement["id"] = Guid.NewGuid().ToString();
        replacement["createdAt"] = "2000-01-01T00:00:00.000Z";
        using var response = await PutJsonAsync($"{StoresUrl}/{IdOf(created)}", replacement);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await Json.ReadObjectAsync(response);
        Assert.Equal(IdOf(created), IdOf(updated));
        Assert.Equal("Renamed", Json.Text(updated["name"]));
        Assert.Equal("INACTIVE", Json.Text(updated["status"]));
        Assert.False(updated["managed"]!.GetValue<bool>());
        Assert.Null(updated["description"]);
        Assert.Equal(Json.Text(created["createdAt"]), Json.Text(updated["createdAt"]));
        Assert.True(DateTimeOffset.Parse(Json.Text(updated["updatedAt"]), System.Globalization.CultureInfo.InvariantCulture)
            > DateTimeOffset.Parse(Json.Text(created["updatedAt"]), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Put_cannot_change_the_type()
    {
        var created = await CreateStoreAsync(StoreBodies.Bearer(Info));

        using var response = await PutJsonAsync($"{StoresUrl}/{IdOf(created)}", StoreBodies.Bearer(Info).With("type", "\"scim\""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([("INVALID_VALUE", "type")], Json.Details(await Json.ReadObjectAsync(response)));
        Assert.Equal("Aquera", State.Stores.Find(IdOf(created))!.Content.Type);
    }

    [Fact]
    public async Task Delete_answers_204_and_the_store_is_gone()
    {
        var created = await CreateStoreAsync(StoreBodies.Bearer(Info));

        using var delete = await Http.DeleteAsync($"{StoresUrl}/{IdOf(created)}");
        using var again = await Http.DeleteAsync($"{StoresUrl}/{IdOf(created)}");

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(0, State.Stores.Count);
    }

    [Fact]
    public async Task Create_requires_a_json_content_type()
    {
        using var response = await PostJsonAsync(StoresUrl, StoreBodies.Bearer(Info), "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(0, State.Stores.Count);
    }

    [Fact]
    public async Task A_configuration_key_pingone_added_survives_a_read_modify_write_when_allowed()
    {
        var body = StoreBodies.Bearer(Info).With("configuration.FUTURE_PINGONE_KEY", "\"kept\"");
        using (var refused = await PostJsonAsync(StoresUrl, body))
        {
            Assert.Equal([("INVALID_VALUE", "configuration.FUTURE_PINGONE_KEY")], Json.Details(await Json.ReadObjectAsync(refused)));
        }

        await SetAsync(new JsonObject { ["extraConfigurationKeys"] = new JsonArray("FUTURE_PINGONE_KEY") });
        var created = await CreateStoreAsync(body);
        created["status"] = "ACTIVE";
        using var put = await PutJsonAsync($"{StoresUrl}/{IdOf(created)}", created);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var stored = State.Stores.Find(IdOf(created))!.Content;
        Assert.Equal("ACTIVE", stored.Status);
        Assert.Equal("kept", stored.ConfigurationString("FUTURE_PINGONE_KEY"));
    }
}

using System;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace AqueraProvisioning.Sandbox.Tests;

public sealed class DirectoryGroupTests : SandboxTestBase
{
    [Theory]
    [InlineData("populations")]
    [InlineData("groups")]
    public async Task Entries_are_created_read_and_filtered_by_name_and_keep_unknown_fields(string path)
    {
        var created = await CreateAsync(path, new JsonObject { ["name"] = "Partners", ["description"] = "External", ["color"] = "teal" });
        var read = await GetObjectAsync($"{path}/{Json.Text(created["id"])}");
        var filtered = await GetObjectAsync($"{path}?filter=" + Uri.EscapeDataString("name eq \"partners\""));

        Assert.Equal(created.ToJsonString(), read.ToJsonString());
        Assert.Equal("teal", Json.Text(read["color"]));
        Assert.Equal(Absolute($"{path}/{Json.Text(created["id"])}"), Json.Text(read["_links"]!["self"]!["href"]));
        Assert.Equal([Json.Text(created["id"])], filtered["_embedded"]![path]!.AsArray().Select(e => Json.Text(e!["id"])));
    }

    [Theory]
    [InlineData("populations", "Contractors")]
    [InlineData("groups", "sales")]
    public async Task A_name_in_use_is_a_uniqueness_violation_and_a_missing_name_is_required(string path, string taken)
    {
        using var duplicate = await PostJsonAsync(Absolute(path), new JsonObject { ["name"] = taken });
        using var missing = await PostJsonAsync(Absolute(path), new JsonObject { ["description"] = new string('d', 1025) });

        Assert.Equal([("UNIQUENESS_VIOLATION", "name")], Json.Details(await Json.ReadObjectAsync(duplicate)));
        Assert.Equal([("INVALID_VALUE", "description"), ("REQUIRED_VALUE", "name")], Json.Details(await Json.ReadObjectAsync(missing)));
    }

    [Theory]
    [InlineData("populations", "population")]
    [InlineData("groups", "group")]
    public async Task An_unknown_entry_is_404_naming_the_kind(string path, string kind)
    {
        var id = Guid.NewGuid();
        using var response = await Http.GetAsync(Absolute($"{path}/{id}"));

        await AssertNotFoundAsync(response, kind, id);
    }

    [Fact]
    public async Task Memberships_are_added_listed_read_and_removed()
    {
        var dave = State.Directory.FindUserByUsername("dave.diaz")!.Id;
        var engineering = State.Directory.AllGroups.Single(g => g.Name == "Engineering").Id;
        var url = Absolute($"users/{dave}/memberOfGroups");

        using var added = await PostJsonAsync(url, new JsonObject { ["id"] = engineering.ToString() });
        using var again = await PostJsonAsync(url, new JsonObject { ["id"] = engineering.ToString() });
        using var unknown = await PostJsonAsync(url, new JsonObject { ["id"] = Guid.NewGuid().ToString() });
        var listed = await GetObjectAsync(url);
        var read = await GetObjectAsync($"{url}/{engineering}");
        using var removed = await Http.DeleteAsync($"{url}/{engineering}");
        using var gone = await Http.GetAsync($"{url}/{engineering}");

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal($"{url}/{engineering}", added.Headers.Location!.ToString());
        Assert.Equal([("UNIQUENESS_VIOLATION", "id")], Json.Details(await Json.ReadObjectAsync(again)));
        Assert.Equal([("INVALID_VALUE", "id")], Json.Details(await Json.ReadObjectAsync(unknown)));
        var membership = listed["_embedded"]!["groupMemberships"]!.AsArray().Single()!;
        Assert.Equal(engineering.ToString(), Json.Text(membership["id"]));
        Assert.Equal("Engineering", Json.Text(membership["name"]));
        Assert.Equal("DIRECT", Json.Text(membership["type"]));
        Assert.Equal("Engineering", Json.Text(read["name"]));
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Empty(State.Directory.GroupIdsOf(dave));
    }

    [Fact]
    public async Task Memberships_of_an_unknown_user_are_404()
    {
        using var response = await Http.GetAsync(Absolute($"users/{Guid.NewGuid()}/memberOfGroups"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

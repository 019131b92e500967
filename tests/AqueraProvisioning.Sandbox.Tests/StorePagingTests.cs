using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace AqueraProvisioning.Sandbox.Tests;

public sealed class StorePagingTests : SandboxTestBase
{
    [Fact]
    public async Task Limit_splits_the_collection_into_pages_linked_by_next_in_creation_order()
    {
        await SeedAsync(7);
        var names = new List<string>();
        var sizes = new List<int>();
        string? url = StoresUrl + "?limit=3";
        while (url is not null)
        {
            using var response = await Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await Json.ReadObjectAsync(response);
            Assert.Equal(7, page["count"]!.GetValue<int>());
            sizes.Add(page["size"]!.GetValue<int>());
            foreach (var store in page["_embedded"]!["stores"]!.AsArray())
            {
                names.Add(Json.Text(store!["name"]));
            }

            url = page["_links"]!["next"]?["href"]?.GetValue<string>();
        }

        Assert.Equal([3, 3, 1], sizes);
        Assert.Equal(["bulk-1", "bulk-2", "bulk-3", "bulk-4", "bulk-5", "bulk-6", "bulk-7"], names);
    }

    [Fact]
    public async Task A_cursor_stays_valid_when_stores_are_deleted_between_pages()
    {
        await SeedAsync(6);
        using var first = await Http.GetAsync(StoresUrl + "?limit=2");
        var next = (await Json.ReadObjectAsync(first))["_links"]!["next"]!["href"]!.GetValue<string>();
        var third = State.Stores.Snapshot()[2];
        using (var delete = await Http.DeleteAsync($"{StoresUrl}/{third.Id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        using var second = await Http.GetAsync(next);
        var names = (await Json.ReadObjectAsync(second))["_embedded"]!["stores"]!.AsArray();

        Assert.Equal(["bulk-4", "bulk-5"], [.. System.Linq.Enumerable.Select(names, store => Json.Text(store!["name"]))]);
    }

    [Fact]
    public async Task Default_page_size_knob_applies_without_limit()
    {
        await SeedAsync(3);
        await SetAsync(new JsonObject { ["defaultPageSize"] = 2 });

        using var response = await Http.GetAsync(StoresUrl);
        var page = await Json.ReadObjectAsync(response);

        Assert.Equal(2, page["size"]!.GetValue<int>());
        Assert.NotNull(page["_links"]!["next"]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("-5")]
    [InlineData("ten")]
    public async Task Invalid_limit_is_400_naming_limit(string limit)
    {
        using var response = await Http.GetAsync($"{StoresUrl}?limit={limit}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([("INVALID_VALUE", "limit")], Json.Details(await Json.ReadObjectAsync(response)));
    }

    [Fact]
    public async Task Tampered_cursor_is_400_naming_cursor()
    {
        using var response = await Http.GetAsync($"{StoresUrl}?cursor=garbage!");

        Assert.Equal([("INVALID_VALUE", "cursor")], Json.Details(await Json.ReadObjectAsync(response)));
    }

    [Theory]
    [InlineData("propagation/stores?limit=2", "limit")]
    [InlineData("propagation/stores?filter=name%20eq%20%22x%22", "filter")]
    [InlineData("propagation/plans?limit=1", "limit")]
    [InlineData("propagation/rules?limit=1&expand=x", "limit")]
    public async Task With_a_strict_list_query_a_propagation_list_refuses_any_parameter_the_spec_does_not_declare(string path, string target)
    {
        await SetAsync(new JsonObject { ["strictListQuery"] = true });

        using var response = await Http.GetAsync($"{EnvUrl}/{path}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await Json.ReadObjectAsync(response);
        Assert.Equal("INVALID_DATA", Json.Text(error["code"]));
        Assert.Contains(("INVALID_VALUE", target), Json.Details(error));
        Assert.Equal($"{target} is not a query parameter of this collection.", Json.Text(error["details"]!.AsArray().First(d => Json.Text(d!["target"]) == target)!["message"]));
    }

    [Fact]
    public async Task With_a_strict_list_query_the_plain_list_pages_by_next_links_that_carry_only_the_cursor()
    {
        await SeedAsync(5);
        await SetAsync(new JsonObject { ["strictListQuery"] = true, ["defaultPageSize"] = 2 });
        var names = new List<string>();
        string? url = StoresUrl;
        while (url is not null)
        {
            using var response = await Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await Json.ReadObjectAsync(response);
            names.AddRange(page["_embedded"]!["stores"]!.AsArray().Select(store => Json.Text(store!["name"])));
            url = page["_links"]!["next"]?["href"]?.GetValue<string>();
            Assert.True(url is null || new System.Uri(url).Query.StartsWith("?cursor=", System.StringComparison.Ordinal), url);
            Assert.DoesNotContain("limit=", url ?? string.Empty, System.StringComparison.Ordinal);
        }

        Assert.Equal(["bulk-1", "bulk-2", "bulk-3", "bulk-4", "bulk-5"], names);
    }

    [Fact]
    public async Task A_strict_list_query_leaves_the_directory_lists_and_the_default_alone()
    {
        using (var loose = await Http.GetAsync(StoresUrl + "?limit=2"))
        {
            Assert.Equal(HttpStatusCode.OK, loose.StatusCode);
        }

        await SetAsync(new JsonObject { ["strictListQuery"] = true });
        using var users = await Http.GetAsync($"{EnvUrl}/users?limit=2");

        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        Assert.Equal(2, (await Json.ReadObjectAsync(users))["size"]!.GetValue<int>());
    }

    private async Task SeedAsync(int count)
    {
        using var response = await ControlPostAsync("/seed", new JsonObject { ["count"] = count });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}

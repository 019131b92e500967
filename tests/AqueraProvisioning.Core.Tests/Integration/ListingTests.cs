using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using AqueraProvisioning.Core.Tests.Support;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Integration;

public class ListingTests : SandboxTestBase, IClassFixture<SandboxFixture>
{
    public ListingTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    private Task<string> PlantOtherTypeAsync(string name) =>
        Control.RawInsertAsync(new JsonObject
        {
            ["name"] = name,
            ["type"] = "scim",
            ["configuration"] = new JsonObject { ["SCIM_URL"] = "https://scim.example.test", ["AUTHENTICATION_METHOD"] = "None" },
        });

    [Fact]
    public async Task Listing_follows_next_links_across_pages_and_keeps_only_aquera_stores()
    {
        await Control.SeedAsync(4, "page-a-");
        await PlantOtherTypeAsync("other-1");
        await Control.SeedAsync(3, "page-b-");
        await PlantOtherTypeAsync("other-2");
        using var session = Sandbox.NewSession(s => s.PageSize = 3);

        var all = await session.Connections.ListAllAsync(OperationContext.Silent(), CancellationToken.None);

        Assert.Equal(
            new[] { "page-a-1", "page-a-2", "page-a-3", "page-a-4", "page-b-1", "page-b-2", "page-b-3" },
            all.Select(c => c.Name).ToArray());
        Assert.All(all, c => Assert.Equal(Info.EnvironmentId, c.EnvironmentId));

        // 9 stores in pages of 3: three GETs, the first without a cursor, each later one with the cursor it was given.
        var gets = ApiRequests().Where(r => r.Method == "GET").ToList();
        Assert.Equal(3, gets.Count);
        Assert.Equal("limit=3", gets[0].Query);
        Assert.All(gets.Skip(1), r => Assert.Contains("cursor=", r.Query, StringComparison.Ordinal));
        Assert.Equal(3, gets.Select(r => r.Query).Distinct().Count());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_tenant_that_takes_no_paging_parameters_is_listed_in_full_by_its_next_links(bool strict)
    {
        await Control.SeedAsync(7, "plain-");
        await Control.SetAsync(new { strictListQuery = strict, defaultPageSize = 3 });
        var log = new RecordingLog();
        using var session = Sandbox.NewSession(s => s.PageSize = 5);

        var all = await session.Connections.ListAllAsync(new OperationContext(log), CancellationToken.None);
        AqueraConnection? found = await session.Connections.FindByNameAsync("plain-7", new OperationContext(log), CancellationToken.None);

        Assert.Equal(Enumerable.Range(1, 7).Select(i => "plain-" + i), all.Select(c => c.Name));
        Assert.NotNull(found);
        var gets = ApiRequests().Where(r => r.Method == "GET").Select(r => (r.Query, r.Status)).ToList();
        if (strict)
        {
            // Refused once, then plain first pages of the tenant's size and cursor-only next links, for both walks.
            Assert.Equal(("limit=5", 400), gets[0]);
            Assert.Equal(new[] { (string.Empty, 200), (string.Empty, 200) }, gets.Where(g => !g.Query.Contains("cursor=", StringComparison.Ordinal)).Skip(1));
            Assert.All(gets.Skip(1), g => Assert.Equal(200, g.Status));
            Assert.Equal(1 + 3 + 3, gets.Count);
            Assert.Single(log.VerboseLines, l => l.StartsWith("PingOne refused the page size on propagation/stores", StringComparison.Ordinal));
        }
        else
        {
            Assert.Equal(new[] { ("limit=5", 200), ("limit=5", 200) }, gets.Where(g => !g.Query.Contains("cursor=", StringComparison.Ordinal)));
            Assert.Equal(2 + 2, gets.Count);
            Assert.Empty(session.Choices.Adopted);
        }
    }

    [Fact]
    public async Task Pages_can_be_read_one_at_a_time()
    {
        await Control.SeedAsync(5, "single-");
        using var session = Sandbox.NewSession(s => s.PageSize = 2);
        var context = OperationContext.Silent();

        var first = await session.Connections.GetPageAsync(null, context, CancellationToken.None);
        var second = await session.Connections.GetPageAsync(first.Next, context, CancellationToken.None);
        var third = await session.Connections.GetPageAsync(second.Next, context, CancellationToken.None);

        Assert.Equal(new[] { "single-1", "single-2" }, first.Items.Select(c => c.Name).ToArray());
        Assert.Equal(new[] { "single-3", "single-4" }, second.Items.Select(c => c.Name).ToArray());
        Assert.Equal(new[] { "single-5" }, third.Items.Select(c => c.Name).ToArray());
        Assert.NotNull(first.Next);
        Assert.NotNull(second.Next);
        Assert.Null(third.Next);
        Assert.Equal(new Uri(Info.BaseUrl).Authority, first.Next!.Authority);
    }

    [Fact]
    public async Task A_page_of_other_stores_only_is_empty_but_still_leads_on()
    {
        await PlantOtherTypeAsync("other-a");
        await PlantOtherTypeAsync("other-b");
        await Control.SeedAsync(1, "after-");
        using var session = Sandbox.NewSession(s => s.PageSize = 2);

        var first = await session.Connections.GetPageAsync(null, OperationContext.Silent(), CancellationToken.None);
        var all = await session.Connections.ListAllAsync(OperationContext.Silent(), CancellationToken.None);

        Assert.Empty(first.Items);
        Assert.NotNull(first.Next);
        Assert.Equal("after-1", Assert.Single(all).Name);
    }

    [Fact]
    public async Task Find_by_name_is_case_insensitive_and_null_when_absent()
    {
        await Control.SeedAsync(5, "find-");
        using var session = Sandbox.NewSession(s => s.PageSize = 2);
        var context = OperationContext.Silent();

        var found = await session.Connections.FindByNameAsync("FIND-4", context, CancellationToken.None);
        var missing = await session.Connections.FindByNameAsync("find-9", context, CancellationToken.None);

        Assert.Equal("find-4", found!.Name);
        Assert.Null(missing);
    }

    [Fact]
    public async Task Find_by_name_stops_at_the_page_that_has_the_match()
    {
        await Control.SeedAsync(6, "stop-");
        using var session = Sandbox.NewSession(s => s.PageSize = 2);

        await session.Connections.FindByNameAsync("stop-2", OperationContext.Silent(), CancellationToken.None);

        Assert.Single(ApiRequests());
    }

    [Fact]
    public async Task A_name_index_lists_once_and_tracks_names_added_and_removed()
    {
        await Control.SeedAsync(3, "idx-");
        using var session = Sandbox.NewSession(s => s.PageSize = 2);
        var context = OperationContext.Silent();
        ConnectionNameIndex index = session.Connections.NewNameIndex();

        Assert.True(await index.ContainsAsync("IDX-1", context, CancellationToken.None));
        int requestsAfterFirstLookup = ApiRequests().Count;
        Assert.False(await index.ContainsAsync("new-name", context, CancellationToken.None));
        index.Add("new-name");
        index.Remove("idx-2");

        Assert.True(await index.ContainsAsync("new-name", context, CancellationToken.None));
        Assert.False(await index.ContainsAsync("idx-2", context, CancellationToken.None));
        Assert.Equal(2, requestsAfterFirstLookup);
        Assert.Equal(requestsAfterFirstLookup, ApiRequests().Count);
    }
}

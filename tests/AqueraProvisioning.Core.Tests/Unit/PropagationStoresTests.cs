using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using AqueraProvisioning.Core.Tests.Support;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Unit;

/// <summary>The raw store access reads stores of every type; Aquera connections filter and check on top of it.</summary>
public class PropagationStoresTests
{
    private const string EnvId = ScriptedApi.EnvironmentId;
    private const string DirectoryId = "8b1d9a7c-2f0b-4f4e-9a53-0d6f5e0b7c22";
    private const string Base = "https://api.pingone.eu/v1/environments/" + EnvId + "/propagation/stores";

    private readonly ScriptedHandler _handler = new();

    private PropagationStores Stores() =>
        new(ScriptedApi.Create(_handler, pageSize: 2));

    private static string Page(string next, params (string Name, string Type)[] stores) =>
        "{\"_links\":{" + (next.Length == 0 ? string.Empty : "\"next\":{\"href\":\"" + next + "\"}") + "},\"_embedded\":{\"stores\":[" +
        string.Join(",", stores.Select(s => "{\"id\":\"" + Guid.NewGuid() + "\",\"name\":\"" + s.Name + "\",\"type\":\"" + s.Type + "\"}")) + "]}}";

    [Fact]
    public async Task Listing_returns_stores_of_every_type_page_by_page()
    {
        _handler.Then(HttpStatusCode.OK, Page(Base + "?limit=2&cursor=2", ("PingOne Directory", "directory"), ("HR", "Aquera")))
            .Then(HttpStatusCode.OK, Page(string.Empty, ("Workday", "Workday")));

        var all = await Stores().ListAllAsync(OperationContext.Silent(), CancellationToken.None);

        Assert.Equal(["directory", "Aquera", "Workday"], all.Select(s => s.Type));
        Assert.Equal([Base + "?limit=2", Base + "?limit=2&cursor=2"], _handler.Urls.Select(u => u.AbsoluteUri));
    }

    [Fact]
    public async Task Connections_keep_only_the_Aquera_stores_of_the_same_pages()
    {
        _handler.Then(HttpStatusCode.OK, Page(Base + "?limit=2&cursor=2", ("PingOne Directory", "directory"), ("HR", "Aquera")))
            .Then(HttpStatusCode.OK, Page(string.Empty, ("Workday", "Workday"), ("Payroll", "Aquera")));

        var all = await new AqueraConnections(Stores()).ListAllAsync(OperationContext.Silent(), CancellationToken.None);

        Assert.Equal(["HR", "Payroll"], all.Select(c => c.Name));
    }

    [Fact]
    public async Task Finding_a_store_reads_only_the_pages_it_takes()
    {
        _handler.Then(HttpStatusCode.OK, Page(Base + "?limit=2&cursor=2", ("HR", "Aquera"), ("PingOne Directory", "directory")))
            .Then(HttpStatusCode.OK, Page(string.Empty, ("Other", "directory")));

        PropagationStore? found = await Stores().FindAsync(s => s.Type == "directory", OperationContext.Silent(), CancellationToken.None);

        Assert.Equal("PingOne Directory", found!.Name);
        Assert.Single(_handler.Urls);
    }

    [Fact]
    public async Task A_next_link_to_another_host_ends_the_listing_without_being_requested()
    {
        _handler.Then(HttpStatusCode.OK, Page("https://evil.example.test/v1/environments/" + EnvId + "/propagation/stores?cursor=2", ("HR", "Aquera")));

        var all = await Stores().ListAllAsync(OperationContext.Silent(), CancellationToken.None);

        Assert.Single(all);
        Assert.Single(_handler.Urls);
    }

    [Fact]
    public async Task A_directory_store_is_read_by_id_like_any_other()
    {
        _handler.Then(HttpStatusCode.OK, "{\"id\":\"" + DirectoryId + "\",\"name\":\"PingOne Directory\",\"type\":\"directory\",\"status\":\"ACTIVE\"}");

        PropagationStore? store = await Stores().GetAsync(DirectoryId, OperationContext.Silent(), CancellationToken.None);

        Assert.Equal("directory", store!.Type);
        Assert.Equal(Base + "/" + DirectoryId, _handler.Urls.Single().AbsoluteUri);
    }

    [Fact]
    public async Task Getting_a_directory_store_as_an_Aquera_connection_is_refused_by_type()
    {
        _handler.Then(HttpStatusCode.OK, "{\"id\":\"" + DirectoryId + "\",\"name\":\"PingOne Directory\",\"type\":\"directory\"}");

        var ex = await Assert.ThrowsAsync<AqueraOperationException>(() => new AqueraConnections(Stores()).GetAsync(DirectoryId, OperationContext.Silent(), CancellationToken.None));

        Assert.Equal(ErrorIds.NotAnAqueraConnection, ex.ErrorId);
    }
}

using System.Net;
using System.Threading.Tasks;
using Xunit;

namespace AqueraProvisioning.Sandbox.Tests;

public sealed class RevisionTests : SandboxTestBase
{
    [Fact]
    public async Task Latest_is_404_until_a_revision_exists()
    {
        using var response = await Http.GetAsync(RevisionsUrl + "/id:latest");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Revisions_chain_to_their_predecessor_and_latest_is_the_newest()
    {
        using var first = await Http.PostAsync(RevisionsUrl, null);
        using var second = await Http.PostAsync(RevisionsUrl, null);
        var firstBody = await Json.ReadObjectAsync(first);
        var secondBody = await Json.ReadObjectAsync(second);
        using var latest = await Http.GetAsync(RevisionsUrl + "/id:latest");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Null(firstBody["previousRevision"]);
        Assert.Equal(Json.Text(firstBody["id"]), Json.Text(secondBody["previousRevision"]!["id"]));
        Assert.Equal(Json.Text(secondBody["id"]), Json.Text((await Json.ReadObjectAsync(latest))["id"]));
        Assert.Equal(Info.EnvironmentId, Json.Text(secondBody["environment"]!["id"]));
        Assert.Equal(2, State.Revisions.Count);
    }

    [Fact]
    public async Task A_revision_at_once_records_the_sync_of_active_aquera_stores_that_have_nothing_to_sync()
    {
        var active = await CreateStoreAsync(StoreBodies.Bearer(Info, name: "on").With("status", "\"ACTIVE\""));
        var inactive = await CreateStoreAsync(StoreBodies.Bearer(Info, name: "off"));

        using var revision = await Http.PostAsync(RevisionsUrl, null);
        var createdAt = Json.Text((await Json.ReadObjectAsync(revision))["createdAt"]);
        using var activeRead = await Http.GetAsync($"{StoresUrl}/{IdOf(active)}");
        using var inactiveRead = await Http.GetAsync($"{StoresUrl}/{IdOf(inactive)}");

        var sync = (await Json.ReadObjectAsync(activeRead))["syncStatus"]!;
        Assert.Equal("SYNCING", Json.Text(sync["syncState"]));
        Assert.True(string.CompareOrdinal(Json.Text(sync["lastSyncAt"]), createdAt) > 0, "the sync of nothing ends after the revision");
        Assert.Equal(0, sync["userTotal"]!.GetValue<int>());
        Assert.Null((await Json.ReadObjectAsync(inactiveRead))["syncStatus"]);

        // The engine has nothing to change afterwards, so a client comparing two reads sees the same store.
        await State.Engine.WaitForIdleAsync();
        Assert.Equal(sync.ToJsonString(), (await GetObjectAsync($"{StoresUrl}/{IdOf(active)}"))["syncStatus"]!.ToJsonString());
    }
}

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// Route patterns of the PingOne API (under <c>/v1/environments/{envId}</c>), shared by the endpoints so a path is
/// spelt once. The matching absolute URLs for links come from <see cref="ApiUrls"/>.
/// </summary>
internal static class Routes
{
    public const string Environment = "/v1/environments/{envId}";

    public const string Stores = Environment + "/propagation/stores";
    public const string Store = Stores + "/{storeId}";
    public const string Revisions = Environment + "/propagation/revisions";
    public const string Revision = Revisions + "/{revisionId}";
}

namespace AqueraProvisioning.Sandbox;

/// <summary>Absolute URLs of the sandbox's PingOne resources, for <c>_links</c> and <c>Location</c> headers.</summary>
internal static class ApiUrls
{
    /// <summary>The environment's base URL, <c>{apiUrl}/environments/{envId}</c>.</summary>
    public static string Environment(SandboxInfo info) => $"{info.ApiUrl}/environments/{info.EnvironmentId}";

    /// <summary>A collection under the environment, for example <c>propagation/stores</c>.</summary>
    public static string Collection(SandboxInfo info, string path) => $"{Environment(info)}/{path}";

    /// <summary>One item of a collection under the environment.</summary>
    public static string Item(SandboxInfo info, string path, object id) => $"{Environment(info)}/{path}/{id}";
}

using Microsoft.AspNetCore.Http;

namespace AqueraProvisioning.Sandbox;

/// <summary>Which part of the sandbox a request is for; the middleware differs per part.</summary>
internal static class SandboxPaths
{
    /// <summary>The PingOne management API.</summary>
    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/v1");

    /// <summary>The token endpoint, <c>/{envId}/as/token</c>.</summary>
    public static bool IsToken(HttpContext context)
    {
        var segments = (context.Request.Path.Value ?? string.Empty).Split('/');
        return segments is ["", _, "as", "token"];
    }

    /// <summary>The requests that are logged, counted and delayed by the latency knob.</summary>
    public static bool IsObserved(HttpContext context) => IsApi(context) || IsToken(context);

    /// <summary>The fake Aquera SCIM service.</summary>
    public static bool IsScim(HttpContext context) => context.Request.Path.StartsWithSegments(ScimUserEndpoints.Base);
}

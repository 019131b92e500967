using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>HAL <c>_links</c> objects as PingOne returns them.</summary>
internal static class Links
{
    public static JsonObject Self(string href) => new() { ["self"] = Href(href) };

    public static JsonObject Href(string href) => new() { ["href"] = href };
}

using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace AqueraProvisioning.Sandbox.Tests;

/// <summary>Reads response bodies and picks apart PingOne error bodies.</summary>
internal static class Json
{
    public static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response) =>
        (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    public static async Task<JsonArray> ReadArrayAsync(HttpResponseMessage response) =>
        (JsonArray)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    public static string Text(JsonNode? node) => node!.GetValue<string>();

    /// <summary>The <c>(code, target)</c> pairs of an error body's details, sorted for order-free comparison.</summary>
    public static (string Code, string Target)[] Details(JsonObject error) =>
        [.. (error["details"] as JsonArray ?? [])
            .Select(detail => (Text(detail!["code"]), Text(detail["target"])))
            .OrderBy(pair => pair.Item2, System.StringComparer.Ordinal)];
}

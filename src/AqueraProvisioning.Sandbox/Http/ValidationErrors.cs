using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>Collects every validation failure of a request, so one 400 names all bad fields rather than the first.</summary>
internal sealed class ValidationErrors
{
    private readonly List<PingOneErrorDetail> details = [];

    public int Count => details.Count;

    public IReadOnlyList<PingOneErrorDetail> Details => details;

    public void Add(PingOneErrorDetail detail) => details.Add(detail);

    /// <summary>A value that must be unique is taken (PingOne's <c>UNIQUENESS_VIOLATION</c>).</summary>
    public void NotUnique(string target, string message) => details.Add(new PingOneErrorDetail("UNIQUENESS_VIOLATION", target, message));

    public void Required(string target) =>
        details.Add(new PingOneErrorDetail("REQUIRED_VALUE", target, $"{target} is required."));

    public void Invalid(string target, string message, JsonObject? innerError = null) =>
        details.Add(new PingOneErrorDetail("INVALID_VALUE", target, message, innerError));

    public void NotOneOf(string target, IEnumerable<string> allowed)
    {
        var values = allowed.ToArray();
        var inner = new JsonObject { ["allowedValues"] = new JsonArray([.. values.Select(v => (JsonNode?)v)]) };
        Invalid(target, $"{target} must be one of: {string.Join(", ", values)}.", inner);
    }
}

using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// The <c>filter</c> query parameter of a PingOne collection: only <c>eq</c> comparisons of the listed attributes
/// with string values, joined by <c>and</c>/<c>or</c>; anything else is 400 <c>INVALID_FILTER</c>.
/// </summary>
internal static class ListFilter
{
    /// <summary>The filter (null when the request has none) or the reason it is refused.</summary>
    public static (FilterNode? Filter, string? Error) Parse(string text, string[] attributes)
    {
        if (text.Length == 0)
        {
            return (null, null);
        }

        if (FilterParser.TryParse(text, out var error) is not { } filter)
        {
            return (null, $"The filter could not be parsed: {error}.");
        }

        var supported = string.Join(", ", attributes.Select(attribute => attribute + " eq"));
        var comparisons = FilterEvaluator.Comparisons(filter).ToArray();
        var allowed = FilterEvaluator.IsFlat(filter) && comparisons.All(comparison =>
            comparison.Operator == "eq"
            && comparison.Value?.GetValueKind() == System.Text.Json.JsonValueKind.String
            && attributes.Contains(comparison.Path, StringComparer.OrdinalIgnoreCase));
        return allowed ? (filter, null) : (null, $"The filter is not supported; supported: {supported} (string values), joined by and/or.");
    }

    public static Task RejectAsync(HttpContext context, string error) =>
        PingOneError.WriteAsync(
            context,
            StatusCodes.Status400BadRequest,
            "INVALID_FILTER",
            error,
            [new PingOneErrorDetail("INVALID_VALUE", "filter", error)]);

    /// <summary>The raw filter query as the <c>next</c> link must repeat it, or null.</summary>
    public static string? Preserved(HttpContext context) =>
        context.Request.Query.TryGetValue("filter", out var value) && value.ToString().Length > 0
            ? "filter=" + Uri.EscapeDataString(value.ToString())
            : null;
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core;

/// <summary>
/// One HTTP answer as the probe needs it: status, content type, redirect target, challenge and at most 64 KB of the
/// body, parsed as JSON when it is JSON. Read whole before the response is disposed.
/// </summary>
internal sealed class ScimAnswer
{
    private const int MaxBody = 64 * 1024;
    private static readonly Regex s_title = new Regex("<title[^>]*>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private ScimAnswer(Uri url, string path, int status, string? reason, string? mediaType, Uri? location, IReadOnlyList<string> challenges, string body)
    {
        Url = url;
        Path = path;
        Status = status;
        ReasonPhrase = reason;
        MediaType = mediaType;
        Location = location;
        Challenges = challenges;
        Body = body;
        Json = TryParse(body);
    }

    public Uri Url { get; }

    /// <summary>The path and query below the SCIM base URL, as the details name it.</summary>
    public string Path { get; }

    public int Status { get; }

    public string? ReasonPhrase { get; }

    public string? MediaType { get; }

    public Uri? Location { get; }

    /// <summary>The schemes named in WWW-Authenticate (Basic, Bearer, ...).</summary>
    public IReadOnlyList<string> Challenges { get; }

    public string Body { get; }

    public JsonElement? Json { get; }

    public string StatusText => Status + (string.IsNullOrEmpty(ReasonPhrase) ? string.Empty : " " + ReasonPhrase);

    /// <summary>"401 Unauthorized (application/scim+json)".</summary>
    public string Describe() => StatusText + " (" + (MediaType ?? "no content type") + ")";

    public bool IsHtml =>
        (MediaType != null && MediaType.IndexOf("html", StringComparison.OrdinalIgnoreCase) >= 0) ||
        (Json is null && Body.TrimStart().StartsWith("<", StringComparison.Ordinal));

    public string? HtmlTitle
    {
        get
        {
            Match match = s_title.Match(Body);
            return match.Success ? Regex.Replace(match.Groups[1].Value, "\\s+", " ").Trim() : null;
        }
    }

    public bool HasSchema(string schema) =>
        Json is { ValueKind: JsonValueKind.Object } json &&
        json.TryGetProperty("schemas", out JsonElement schemas) &&
        schemas.ValueKind == JsonValueKind.Array &&
        schemas.EnumerateArray().Any(s => s.ValueKind == JsonValueKind.String && string.Equals(s.GetString(), schema, StringComparison.OrdinalIgnoreCase));

    /// <summary>A SCIM error's <c>detail</c>, shortened, for the stage detail.</summary>
    public string? ScimErrorDetail =>
        Json is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty("detail", out JsonElement detail) && detail.ValueKind == JsonValueKind.String
            ? Shorten(detail.GetString() ?? string.Empty)
            : null;

    public static async Task<ScimAnswer> ReadAsync(HttpResponseMessage response, Uri url, string path, CancellationToken cancellationToken)
    {
        string body = string.Empty;
        if (response.Content != null)
        {
            using Stream stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            var buffer = new byte[MaxBody];
            int total = 0;
            int read;
            while (total < MaxBody && (read = await stream.ReadAsync(buffer, total, MaxBody - total, cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
            }

            body = Encoding.UTF8.GetString(buffer, 0, total);
        }

        Uri? location = response.Headers.Location is { } target ? (target.IsAbsoluteUri ? target : new Uri(url, target)) : null;
        var challenges = response.Headers.WwwAuthenticate.Select(h => h.Scheme).Where(s => !string.IsNullOrEmpty(s)).ToList();
        return new ScimAnswer(url, path, (int)response.StatusCode, response.ReasonPhrase, response.Content?.Headers.ContentType?.MediaType, location, challenges, body);
    }

    public static string Shorten(string text) => text.Length <= 200 ? text : text.Substring(0, 200) + "…";

    private static JsonElement? TryParse(string body)
    {
        string trimmed = body.TrimStart();
        if (trimmed.Length == 0 || (trimmed[0] != '{' && trimmed[0] != '['))
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace AqueraProvisioning.Core;

/// <summary>The error body every PingOne service returns, plus the OAuth fields the token endpoint uses instead.</summary>
internal sealed class PingOneErrorBody
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("code")]
    public string? Code { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("details")]
    public List<PingOneErrorDetail>? Details { get; set; }

    [JsonPropertyName("error")]
    public string? OAuthError { get; set; }

    [JsonPropertyName("error_description")]
    public string? OAuthErrorDescription { get; set; }
}

using System.Text.Json.Serialization;

namespace AqueraProvisioning.Core;

/// <summary>One entry of a PingOne error body's <c>details[]</c>: which field (<c>target</c>) is wrong and why.</summary>
public sealed class PingOneErrorDetail
{
    /// <summary>A detail code such as <c>INVALID_VALUE</c> or <c>REQUIRED_VALUE</c>.</summary>
    [JsonPropertyName("code")]
    public string? Code { get; set; }

    /// <summary>The field in error, for example <c>configuration.SCIM_URL</c>.</summary>
    [JsonPropertyName("target")]
    public string? Target { get; set; }

    /// <summary>PingOne's explanation.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }

    /// <inheritdoc />
    public override string ToString() => string.IsNullOrEmpty(Target) ? Message ?? string.Empty : Target + ": " + Message;
}

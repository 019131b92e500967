using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace AqueraProvisioning.Core;

/// <summary>
/// The 2xx body of the connection check. Its shape is not documented, so every member is optional and anything that
/// says failure (<c>status</c> FAILURE/FAILED/ERROR, or <c>success</c> false) counts as a failed test.
/// </summary>
internal sealed class ConnectionCheckResponse
{
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("success")]
    public bool? Success { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("details")]
    public List<PingOneErrorDetail>? Details { get; set; }
}

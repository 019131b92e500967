using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace AqueraProvisioning.Core;

/// <summary>How one rule fared for one user (<c>GET /users/{id}/syncedRules/{ruleId}</c>), as the example responses show it.</summary>
internal sealed class SyncedRule
{
    [JsonPropertyName("rule")]
    public NamedReference? Rule { get; set; }

    [JsonPropertyName("sourceStore")]
    public NamedReference? SourceStore { get; set; }

    [JsonPropertyName("targetStore")]
    public NamedReference? TargetStore { get; set; }

    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("lastSyncAt")]
    public DateTimeOffset? LastSyncAt { get; set; }

    [JsonPropertyName("details")]
    public List<SyncedRuleDetail>? Details { get; set; }
}

/// <summary>A <c>{ "id", "name", "type" }</c> reference, as a synced rule names its rule and stores.</summary>
internal sealed class NamedReference
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("type")]
    public string? Type { get; set; }
}

/// <summary>One entry of a synced rule's <c>details</c>.</summary>
internal sealed class SyncedRuleDetail
{
    [JsonPropertyName("code")]
    public string? Code { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }

    public override string ToString() => string.IsNullOrEmpty(Code) ? Message ?? string.Empty : Code + ": " + Message;
}

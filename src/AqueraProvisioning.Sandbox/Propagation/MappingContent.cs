using System;
using System.Text.Json;

namespace AqueraProvisioning.Sandbox;

/// <summary>The client-writable part of an attribute mapping.</summary>
/// <param name="RuleId">The rule the mapping belongs to (never changes).</param>
/// <param name="Name">Optional name.</param>
/// <param name="SourceAttribute">A PingOne user attribute path; null when <paramref name="Expression"/> is set.</param>
/// <param name="Expression">A PingOne expression (PEL); null when <paramref name="SourceAttribute"/> is set.</param>
/// <param name="TargetAttribute">The SCIM attribute path it writes, unique in its rule (case-insensitive).</param>
/// <param name="AttributeMappingType"><c>userAttributeMapping</c> or <c>groupAttributeMapping</c>.</param>
/// <param name="Extra">Unknown top-level fields, kept and echoed back.</param>
public sealed record MappingContent(
    Guid RuleId,
    string? Name,
    string? SourceAttribute,
    string? Expression,
    string TargetAttribute,
    string AttributeMappingType,
    JsonElement? Extra);

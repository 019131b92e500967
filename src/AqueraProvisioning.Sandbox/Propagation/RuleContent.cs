using System;
using System.Collections.Generic;
using System.Text.Json;

namespace AqueraProvisioning.Sandbox;

/// <summary>The client-writable part of a propagation rule: what POST sets and PUT replaces.</summary>
/// <param name="PlanId">The plan the rule belongs to (never changes).</param>
/// <param name="SourceStoreId">The source store, for outbound rules the <c>directory</c> store (never changes).</param>
/// <param name="TargetStoreId">The target store, for example the Aquera store (never changes).</param>
/// <param name="Name">Rule name, unique in its plan (case-insensitive).</param>
/// <param name="Description">Optional description.</param>
/// <param name="Active">Whether the engine runs the rule.</param>
/// <param name="PopulationExpression">SCIM filter over the source users; null when absent.</param>
/// <param name="GroupIds">Groups the rule provisions.</param>
/// <param name="PopulationIds">Deprecated population list, kept as given.</param>
/// <param name="Deprovision">Deprecated rule-level deprovision flag; null when absent.</param>
/// <param name="Configuration">Optional configuration object (LDAP targets), kept as given.</param>
/// <param name="Extra">Unknown top-level fields, kept and echoed back.</param>
public sealed record RuleContent(
    Guid PlanId,
    Guid SourceStoreId,
    Guid TargetStoreId,
    string Name,
    string? Description,
    bool Active,
    string? PopulationExpression,
    IReadOnlyList<Guid> GroupIds,
    IReadOnlyList<Guid>? PopulationIds,
    bool? Deprovision,
    JsonElement? Configuration,
    JsonElement? Extra);

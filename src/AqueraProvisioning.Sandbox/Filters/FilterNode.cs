using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>A parsed SCIM filter (RFC 7644 §3.4.2.2).</summary>
internal abstract record FilterNode;

/// <summary><c>attrPath op value</c>, or <c>attrPath pr</c> (then <paramref name="Value"/> is null).</summary>
/// <param name="Path">Attribute path as written, for example <c>population.id</c>.</param>
/// <param name="Operator">Lower-case operator: eq ne co sw ew gt lt ge le pr.</param>
/// <param name="Value">The comparison value (string, number, boolean or null).</param>
internal sealed record FilterComparison(string Path, string Operator, JsonNode? Value) : FilterNode;

/// <summary><c>left and right</c> or <c>left or right</c>.</summary>
internal sealed record FilterLogical(string Operator, FilterNode Left, FilterNode Right) : FilterNode;

/// <summary><c>not (inner)</c>.</summary>
internal sealed record FilterNot(FilterNode Inner) : FilterNode;

/// <summary><c>attrPath[inner]</c>: some value of a multi-valued attribute matches <paramref name="Inner"/>.</summary>
internal sealed record FilterValuePath(string Path, FilterNode Inner) : FilterNode;

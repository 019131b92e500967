using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// A rule's user mappings, compiled once per run: each writes a SCIM attribute path from a PingOne attribute or a
/// PingOne expression. A rule without user mappings uses the store's defaults (the contract's default set), as the
/// console does for a rule the admin has not customised (reference open question 11).
/// </summary>
internal sealed class MappingSet
{
    private static readonly (string Source, string Target)[] Defaults =
    [
        ("username", "userName"),
        ("name.given", "name.givenName"),
        ("name.family", "name.familyName"),
        ("email", "emails[type eq \"work\"].value"),
    ];

    private readonly IReadOnlyList<Compiled> mappings;

    private MappingSet(IReadOnlyList<Compiled> mappings) => this.mappings = mappings;

    public static MappingSet For(IReadOnlyList<MappingRecord> records)
    {
        var user = records.Where(record => record.Content.AttributeMappingType == MappingValidator.UserMapping).ToArray();
        IEnumerable<Compiled> compiled = user.Length == 0
            ? Defaults.Select(pair => new Compiled(ScimTargetPath.TryParse(pair.Target, out _)!, pair.Source, null))
            : user.Select(record => new Compiled(
                ScimTargetPath.TryParse(record.Content.TargetAttribute, out _)!,
                record.Content.SourceAttribute,
                record.Content.Expression is { } expression ? PelParser.TryParse(expression, out _) : null));
        return new MappingSet([.. compiled]);
    }

    /// <summary>The schema extension URNs the mappings write under (they join the resource's <c>schemas</c>).</summary>
    public IEnumerable<string> Extensions => mappings.Select(mapping => mapping.Target.Schema).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Writes every mapped value of <paramref name="user"/> into <paramref name="resource"/>. A source without a value
    /// clears the target when <paramref name="clearAbsent"/> (an update), and is skipped on a create.
    /// </summary>
    public void Apply(JsonObject user, JsonObject resource, bool clearAbsent)
    {
        foreach (var mapping in mappings)
        {
            var value = mapping.Value(user);
            if (value is not null)
            {
                mapping.Target.Write(resource, value);
            }
            else if (clearAbsent)
            {
                mapping.Target.Remove(resource);
            }
        }
    }

    private sealed record Compiled(ScimTargetPath Target, string? Source, PelNode? Expression)
    {
        public JsonNode? Value(JsonObject user)
        {
            if (Expression is not null)
            {
                return PelEvaluator.Evaluate(Expression, user) is { Length: > 0 } text ? JsonValue.Create(text) : null;
            }

            var value = AttributePath.Values(user, Source!).FirstOrDefault(node => node is not null);
            return value is JsonValue && value.GetValueKind() == System.Text.Json.JsonValueKind.String && value.GetValue<string>().Length == 0
                ? null
                : value?.DeepClone();
        }
    }
}

using System;
using System.Linq;
using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// Validates a mapping body for create and PUT, every bad field at once: exactly one of <c>sourceAttribute</c>
/// (a path the directory metadata lists) and <c>expression</c> (PEL the sandbox can evaluate), a
/// <c>targetAttribute</c> the engine can write and no other mapping of the rule writes.
/// </summary>
internal static class MappingValidator
{
    public const string UserMapping = "userAttributeMapping";
    public static readonly string[] MappingTypes = [UserMapping, "groupAttributeMapping"];

    private static readonly string[] KnownFields = ["rule", "name", "sourceAttribute", "expression", "targetAttribute", "attributeMappingType"];

    public static MappingContent? Validate(JsonObject body, SandboxState state, Guid ruleId, MappingRecord? current, ValidationErrors errors)
    {
        // The rule comes from the path; a body may repeat it but never name another.
        JsonReferences.Immutable(body, "rule", ruleId, _ => true, RuleEndpoints.Kind, errors);

        var name = JsonFields.String(body, "name", "name", errors, state.Settings.Propagation.MappingNameRequired, StoreValidator.MaxNameLength);
        var source = JsonFields.String(body, "sourceAttribute", "sourceAttribute", errors, required: false);
        var expression = JsonFields.String(body, "expression", "expression", errors, required: false);
        if (source is null && expression is null && body["sourceAttribute"] is null && body["expression"] is null)
        {
            errors.Required("sourceAttribute");
        }
        else if (source is not null && expression is not null)
        {
            errors.Invalid("sourceAttribute", "Give either sourceAttribute or expression, not both.");
        }
        else if (source is not null && !StoreAttributes.DirectoryNames.Contains(source, StringComparer.Ordinal))
        {
            errors.Invalid(
                "sourceAttribute",
                $"{source} is not an attribute of the PingOne directory.",
                new JsonObject { ["allowedValues"] = new JsonArray([.. StoreAttributes.DirectoryNames.Select(n => (JsonNode?)n)]) });
        }
        else if (expression is not null && PelParser.TryParse(expression, out var pelError) is null)
        {
            errors.Invalid("expression", $"expression is not a valid PingOne expression: {pelError}.");
        }

        var target = JsonFields.String(body, "targetAttribute", "targetAttribute", errors, required: true, StoreValidator.MaxNameLength);
        if (target is not null && ScimTargetPath.TryParse(target, out var pathError) is null)
        {
            errors.Invalid("targetAttribute", $"targetAttribute is not a SCIM attribute path: {pathError}.");
        }
        else if (target is not null && state.Propagation.Mappings.FindFirst(mapping =>
            mapping.Id != current?.Id && mapping.Content.RuleId == ruleId
            && string.Equals(mapping.Content.TargetAttribute, target, StringComparison.OrdinalIgnoreCase)) is not null)
        {
            errors.Invalid("targetAttribute", $"Another mapping of the rule already writes {target}.");
        }

        var type = JsonFields.OneOf(body, "attributeMappingType", "attributeMappingType", MappingTypes, errors, required: false) ?? UserMapping;
        return errors.Count > 0 ? null : new MappingContent(ruleId, name, source, expression, target!, type, ExtraFields.Keep(body, KnownFields));
    }
}

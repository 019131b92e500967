using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// Evaluates a <see cref="PelNode"/> against a user (see <see cref="UserView"/>). A missing property is null; in a
/// concatenation a null part is empty text, while an expression that is only a missing property stays null so the
/// target attribute is left out rather than written empty.
/// </summary>
internal static class PelEvaluator
{
    public static string? Evaluate(PelNode node, JsonObject user) => node switch
    {
        PelLiteral literal => Convert.ToString(literal.Value, CultureInfo.InvariantCulture),
        PelProperty property => Text(property.Names.Aggregate((JsonNode?)user, (current, name) => current is JsonObject json ? AttributePath.Get(json, name, out _) : null)),
        PelConcat concat => string.Concat(concat.Parts.Select(part => Evaluate(part, user) ?? string.Empty)),
        PelCall call => Call(call, user),
        _ => null,
    };

    private static string? Call(PelCall call, JsonObject user)
    {
        var argument = Evaluate(call.Arguments[0], user);
        if (argument is null)
        {
            return null;
        }

        switch (call.Function)
        {
            case "#string.lower":
                return argument.ToLowerInvariant();
            case "#string.upper":
                return argument.ToUpperInvariant();
            default:
                // Java's substring(begin, end), clamped so a short value yields what it has instead of an error.
                var begin = Math.Clamp(Number(call.Arguments[1], user), 0, argument.Length);
                var end = Math.Clamp(Number(call.Arguments[2], user), begin, argument.Length);
                return argument[begin..end];
        }
    }

    private static int Number(PelNode node, JsonObject user) =>
        int.TryParse(Evaluate(node, user), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : 0;

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}

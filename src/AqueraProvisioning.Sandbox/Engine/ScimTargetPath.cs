using System;
using System.Linq;
using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// A mapping's <c>targetAttribute</c> as a SCIM attribute path (RFC 7644 §3.10): <c>userName</c>,
/// <c>name.givenName</c>, <c>emails[type eq "work"].value</c>, or one under a schema URN such as
/// <c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value</c>. It writes a value into a SCIM
/// resource, creating the multi-valued element a filter names (with the filter's <c>eq</c> values) when absent.
/// </summary>
internal sealed record ScimTargetPath(string? Schema, string Attribute, FilterNode? ValueFilter, string? SubAttribute)
{
    /// <summary>The path, or null with <paramref name="error"/> when it is not one the engine can write.</summary>
    public static ScimTargetPath? TryParse(string path, out string error)
    {
        error = string.Empty;
        string? schema = null;
        var rest = path;
        var bracket = path.IndexOf('[', StringComparison.Ordinal);
        var colon = (bracket < 0 ? path : path[..bracket]).LastIndexOf(':');
        if (colon >= 0)
        {
            schema = path[..colon];
            rest = path[(colon + 1)..];
        }

        FilterNode? filter = null;
        string head;
        string? sub = null;
        var open = rest.IndexOf('[', StringComparison.Ordinal);
        if (open >= 0)
        {
            var close = rest.LastIndexOf(']');
            if (close < open)
            {
                error = "a '[' is not closed";
                return null;
            }

            head = rest[..open];
            filter = FilterParser.TryParse(rest[(open + 1)..close], out var filterError);
            if (filter is null || !IsEqualsConjunction(filter))
            {
                error = filter is null ? filterError : "only eq comparisons joined by and may stand inside [ ]";
                return null;
            }

            var tail = rest[(close + 1)..];
            if (tail.Length > 0)
            {
                if (!tail.StartsWith('.') || !IsName(tail[1..]))
                {
                    error = "a sub-attribute name is expected after ']'";
                    return null;
                }

                sub = tail[1..];
            }
        }
        else
        {
            var parts = rest.Split('.');
            if (parts.Length > 2)
            {
                error = "at most one sub-attribute may follow the attribute";
                return null;
            }

            head = parts[0];
            sub = parts.Length == 2 ? parts[1] : null;
            if (sub is not null && !IsName(sub))
            {
                error = "the sub-attribute name is not valid";
                return null;
            }
        }

        if (!IsName(head))
        {
            error = "the attribute name is not valid";
            return null;
        }

        return new ScimTargetPath(schema, head, filter, sub);
    }

    /// <summary>Writes <paramref name="value"/> at this path in <paramref name="resource"/>.</summary>
    public void Write(JsonObject resource, JsonNode? value)
    {
        var container = resource;
        if (Schema is not null)
        {
            container = Child(resource, Schema);
        }

        if (ValueFilter is null)
        {
            if (SubAttribute is null)
            {
                Set(container, Attribute, value);
            }
            else
            {
                Set(Child(container, Attribute), SubAttribute, value);
            }

            return;
        }

        var array = AttributePath.Get(container, Attribute, out var name) as JsonArray;
        if (array is null)
        {
            array = [];
            container[name ?? Attribute] = array;
        }

        var element = array.OfType<JsonObject>().FirstOrDefault(item => FilterEvaluator.Matches(ValueFilter, item));
        if (element is null)
        {
            element = [];
            foreach (var comparison in FilterEvaluator.Comparisons(ValueFilter))
            {
                element[comparison.Path] = comparison.Value?.DeepClone();
            }

            array.Add(element);
        }

        Set(element, SubAttribute ?? "value", value);
    }

    /// <summary>Clears this path in <paramref name="resource"/>: the attribute, the sub-attribute, or the filtered elements.</summary>
    public void Remove(JsonObject resource)
    {
        var container = Schema is null ? resource : AttributePath.Get(resource, Schema, out _) as JsonObject;
        if (container is null || AttributePath.Get(container, Attribute, out var name) is not { } node)
        {
            return;
        }

        if (ValueFilter is not null && node is JsonArray array)
        {
            foreach (var element in array.OfType<JsonObject>().Where(item => FilterEvaluator.Matches(ValueFilter, item)).ToArray())
            {
                array.Remove(element);
            }
        }
        else if (ValueFilter is null && SubAttribute is not null && node is JsonObject child)
        {
            AttributePath.Get(child, SubAttribute, out var sub);
            child.Remove(sub ?? SubAttribute);
        }
        else if (ValueFilter is null && SubAttribute is null)
        {
            container.Remove(name!);
        }
    }

    private static JsonObject Child(JsonObject parent, string name)
    {
        if (AttributePath.Get(parent, name, out var actual) is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        parent[actual ?? name] = created;
        return created;
    }

    // Keeps the spelling the resource already uses, since SCIM attribute names are case-insensitive.
    private static void Set(JsonObject json, string name, JsonNode? value)
    {
        AttributePath.Get(json, name, out var actual);
        json[actual ?? name] = value?.DeepClone();
    }

    private static bool IsEqualsConjunction(FilterNode filter) => filter switch
    {
        FilterLogical { Operator: "and" } and => IsEqualsConjunction(and.Left) && IsEqualsConjunction(and.Right),
        FilterComparison { Operator: "eq" } comparison => !comparison.Path.Contains('.', StringComparison.Ordinal),
        _ => false,
    };

    private static bool IsName(string name) =>
        name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '$');
}

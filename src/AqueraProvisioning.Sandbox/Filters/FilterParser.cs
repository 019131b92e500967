using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// Parses the SCIM filter grammar of RFC 7644 §3.4.2.2: comparisons (<c>eq ne co sw ew gt lt ge le</c>),
/// <c>pr</c>, <c>and</c>/<c>or</c>/<c>not</c> with the RFC's precedence (not, and, or), parentheses and value
/// paths (<c>emails[type eq "work"]</c>). Operators and keywords are case-insensitive; strings are JSON strings.
/// One grammar serves the PingOne users filter, rule scopes and the fake SCIM service, each restricting it.
/// </summary>
internal sealed class FilterParser
{
    private static readonly HashSet<string> Comparators = new(StringComparer.OrdinalIgnoreCase)
    {
        "eq", "ne", "co", "sw", "ew", "gt", "lt", "ge", "le",
    };

    private readonly string text;
    private int position;

    private FilterParser(string text) => this.text = text;

    /// <summary>The parsed filter, or null with <paramref name="error"/> saying what is wrong.</summary>
    public static FilterNode? TryParse(string filter, out string error)
    {
        var parser = new FilterParser(filter);
        try
        {
            var node = parser.ParseOr();
            parser.SkipSpace();
            if (parser.position < filter.Length)
            {
                throw parser.Fail("unexpected text");
            }

            error = string.Empty;
            return node;
        }
        catch (FormatException exception)
        {
            error = exception.Message;
            return null;
        }
    }

    private FilterNode ParseOr()
    {
        var left = ParseAnd();
        while (TryKeyword("or"))
        {
            left = new FilterLogical("or", left, ParseAnd());
        }

        return left;
    }

    private FilterNode ParseAnd()
    {
        var left = ParseUnary();
        while (TryKeyword("and"))
        {
            left = new FilterLogical("and", left, ParseUnary());
        }

        return left;
    }

    private FilterNode ParseUnary()
    {
        SkipSpace();
        if (TryKeyword("not"))
        {
            SkipSpace();
            Expect('(');
            var inner = ParseOr();
            Expect(')');
            return new FilterNot(inner);
        }

        if (TryChar('('))
        {
            var inner = ParseOr();
            Expect(')');
            return inner;
        }

        var path = ReadAttributePath();
        if (TryChar('['))
        {
            var inner = ParseOr();
            Expect(']');
            return new FilterValuePath(path, inner);
        }

        var op = ReadWord();
        if (op.Equals("pr", StringComparison.OrdinalIgnoreCase))
        {
            return new FilterComparison(path, "pr", null);
        }

        if (!Comparators.Contains(op))
        {
            throw Fail(op.Length == 0 ? $"an operator is missing after {path}" : $"unknown operator '{op}'");
        }

        return new FilterComparison(path, op.ToLowerInvariant(), ReadValue());
    }

    private string ReadAttributePath()
    {
        SkipSpace();
        var start = position;
        while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] is '.' or ':' or '_' or '-' or '$'))
        {
            position++;
        }

        if (position == start || !char.IsAsciiLetter(text[start]))
        {
            throw Fail("an attribute name is expected");
        }

        return text[start..position];
    }

    private JsonValue? ReadValue()
    {
        SkipSpace();
        if (position < text.Length && text[position] == '"')
        {
            return ReadString();
        }

        var word = ReadWord();
        switch (word.ToLowerInvariant())
        {
            case "true":
                return JsonValue.Create(true);
            case "false":
                return JsonValue.Create(false);
            case "null":
                return null;
        }

        if (decimal.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        throw Fail(word.Length == 0 ? "a value is expected" : $"'{word}' is not a value (strings need double quotes)");
    }

    private JsonValue ReadString()
    {
        var builder = new StringBuilder();
        position++;
        while (position < text.Length)
        {
            var c = text[position++];
            if (c == '"')
            {
                return JsonValue.Create(builder.ToString());
            }

            if (c == '\\' && position < text.Length)
            {
                var escaped = text[position++];
                builder.Append(escaped switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => escaped });
                continue;
            }

            builder.Append(c);
        }

        throw Fail("a string is not closed");
    }

    private string ReadWord()
    {
        SkipSpace();
        var start = position;
        while (position < text.Length && !char.IsWhiteSpace(text[position]) && text[position] is not ('(' or ')' or '[' or ']' or '"'))
        {
            position++;
        }

        return text[start..position];
    }

    private bool TryKeyword(string keyword)
    {
        SkipSpace();
        var end = position + keyword.Length;
        if (end <= text.Length
            && text.AsSpan(position, keyword.Length).Equals(keyword, StringComparison.OrdinalIgnoreCase)
            && (end == text.Length || char.IsWhiteSpace(text[end]) || text[end] == '('))
        {
            position = end;
            return true;
        }

        return false;
    }

    private bool TryChar(char c)
    {
        SkipSpace();
        if (position < text.Length && text[position] == c)
        {
            position++;
            return true;
        }

        return false;
    }

    private void Expect(char c)
    {
        if (!TryChar(c))
        {
            throw Fail($"'{c}' is expected");
        }
    }

    private void SkipSpace()
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }

    private FormatException Fail(string reason) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{reason} at position {position + 1}"));
}

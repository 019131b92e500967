using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// Parses the SCIM filter grammar of RFC 7644 §3.4.2.2: comparisons (<c>eq ne co sw ew gt lt ge le</c>),
/// <c>pr</c>, <c>and</c>/<c>or</c>/<c>not</c> with the RFC's precedence (not, and, or), parentheses and value
/// paths (<c>emails[type eq "work"]</c>). Operators and keywords are case-insensitive; strings are JSON strings.
/// One grammar serves the PingOne users filter, rule scopes and the fake SCIM service, each restricting it.
/// </summary>
internal sealed class FilterParser : TextScanner
{
    private static readonly HashSet<string> Comparators = new(StringComparer.OrdinalIgnoreCase)
    {
        "eq", "ne", "co", "sw", "ew", "gt", "lt", "ge", "le",
    };

    private FilterParser(string text)
        : base(text)
    {
    }

    /// <summary>The parsed filter, or null with <paramref name="error"/> saying what is wrong.</summary>
    public static FilterNode? TryParse(string filter, out string error)
    {
        var parser = new FilterParser(filter);
        return TryRun(parser.ParseAll, out error);
    }

    private FilterNode ParseAll()
    {
        var node = ParseOr();
        ExpectEnd();
        return node;
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
        var start = Position;
        while (!AtEnd && (char.IsAsciiLetterOrDigit(Text[Position]) || Text[Position] is '.' or ':' or '_' or '-' or '$'))
        {
            Position++;
        }

        if (Position == start || !char.IsAsciiLetter(Text[start]))
        {
            throw Fail("an attribute name is expected");
        }

        return Text[start..Position];
    }

    private JsonValue? ReadValue()
    {
        SkipSpace();
        if (!AtEnd && Current == '"')
        {
            return JsonValue.Create(ReadQuoted());
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

    private string ReadWord()
    {
        SkipSpace();
        var start = Position;
        while (!AtEnd && !char.IsWhiteSpace(Text[Position]) && Text[Position] is not ('(' or ')' or '[' or ']' or '"'))
        {
            Position++;
        }

        return Text[start..Position];
    }

    private bool TryKeyword(string keyword)
    {
        SkipSpace();
        var end = Position + keyword.Length;
        if (end <= Text.Length
            && Text.AsSpan(Position, keyword.Length).Equals(keyword, StringComparison.OrdinalIgnoreCase)
            && (end == Text.Length || char.IsWhiteSpace(Text[end]) || Text[end] == '('))
        {
            Position = end;
            return true;
        }

        return false;
    }
}

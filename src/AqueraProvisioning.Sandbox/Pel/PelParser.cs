using System;
using System.Collections.Generic;
using System.Globalization;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// Parses the PingOne expression language subset the sandbox evaluates: string literals in single or double quotes,
/// whole numbers, property paths rooted at <c>user.</c> or <c>#root.</c> (the reference leaves the root open, so
/// both are accepted) with dots or <c>['name']</c> brackets, <c>+</c> concatenation (PEL wants a space on each side),
/// parentheses, and the functions <c>#string.lower</c>, <c>#string.upper</c> and <c>#string.substring</c>.
/// </summary>
internal sealed class PelParser : TextScanner
{
    private static readonly Dictionary<string, int> Functions = new(StringComparer.Ordinal)
    {
        ["#string.lower"] = 1,
        ["#string.upper"] = 1,
        ["#string.substring"] = 3,
    };

    private PelParser(string text)
        : base(text)
    {
    }

    /// <summary>The parsed expression, or null with <paramref name="error"/> saying what is wrong.</summary>
    public static PelNode? TryParse(string expression, out string error)
    {
        var parser = new PelParser(expression);
        return TryRun(parser.ParseAll, out error);
    }

    private PelNode ParseAll()
    {
        var node = ParseConcat();
        ExpectEnd();
        return node;
    }

    private PelNode ParseConcat()
    {
        var parts = new List<PelNode> { ParseTerm() };
        while (true)
        {
            var before = Position;
            SkipSpace();
            if (AtEnd || Text[Position] != '+')
            {
                Position = before;
                break;
            }

            if (Position == before || Position + 1 >= Text.Length || !char.IsWhiteSpace(Text[Position + 1]))
            {
                throw Fail("'+' needs a space on each side");
            }

            Position++;
            parts.Add(ParseTerm());
        }

        return parts.Count == 1 ? parts[0] : new PelConcat(parts);
    }

    private PelNode ParseTerm()
    {
        SkipSpace();
        if (AtEnd)
        {
            throw Fail("a value is expected");
        }

        var c = Text[Position];
        if (c is '\'' or '"')
        {
            return new PelLiteral(ReadQuoted());
        }

        if (c == '(')
        {
            Position++;
            var inner = ParseConcat();
            Expect(')');
            return inner;
        }

        if (char.IsAsciiDigit(c))
        {
            var start = Position;
            while (!AtEnd && char.IsAsciiDigit(Text[Position]))
            {
                Position++;
            }

            return int.TryParse(Text.AsSpan(start, Position - start), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                ? new PelLiteral(number)
                : throw Fail("the number is too large");
        }

        var name = ReadName();
        if (Functions.TryGetValue(name, out var arity))
        {
            return ParseCall(name, arity);
        }

        if (name.StartsWith("user.", StringComparison.Ordinal) || name.StartsWith("#root.", StringComparison.Ordinal) || name is "user" or "#root")
        {
            return ParseProperty(name);
        }

        throw Fail(name.StartsWith('#') ? $"unknown function {name}" : $"'{name}' is not a literal or a property of user or #root");
    }

    private PelCall ParseCall(string function, int arity)
    {
        SkipSpace();
        Expect('(');
        var arguments = new List<PelNode> { ParseConcat() };
        while (TryChar(','))
        {
            arguments.Add(ParseConcat());
        }

        Expect(')');
        if (arguments.Count != arity)
        {
            throw Fail($"{function} takes {arity} argument(s), not {arguments.Count}");
        }

        return new PelCall(function, arguments);
    }

    private PelProperty ParseProperty(string dotted)
    {
        var names = new List<string>(dotted.Split('.')[1..]);
        while (!AtEnd && Text[Position] == '[')
        {
            Position++;
            SkipSpace();
            if (AtEnd || Text[Position] is not ('\'' or '"'))
            {
                throw Fail("a quoted property name is expected inside [ ]");
            }

            names.Add(ReadQuoted());
            Expect(']');
            if (!AtEnd && Text[Position] == '.')
            {
                Position++;
                names.AddRange(ReadName().Split('.'));
            }
        }

        if (names.Count == 0 || names.Exists(name => name.Length == 0))
        {
            throw Fail("a property name is expected after the root");
        }

        return new PelProperty(names);
    }

    private string ReadName()
    {
        var start = Position;
        while (!AtEnd && (char.IsAsciiLetterOrDigit(Text[Position]) || Text[Position] is '.' or '_' or '#' or '$'))
        {
            Position++;
        }

        if (Position == start)
        {
            throw Fail($"unexpected '{Text[Position]}'");
        }

        return Text[start..Position];
    }

}

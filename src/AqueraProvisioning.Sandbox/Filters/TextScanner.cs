using System;
using System.Globalization;
using System.Text;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// The reading steps the sandbox's small parsers (SCIM filters, PingOne expressions) share: a position in the
/// text, white space, expected characters, quoted strings with backslash escapes, and failures that say where.
/// </summary>
internal abstract class TextScanner
{
    protected TextScanner(string text) => Text = text;

    /// <summary>Runs a parse that reads the whole text; null with <paramref name="error"/> when the text is not valid.</summary>
    public static T? TryRun<T>(Func<T> parse, out string error)
        where T : class
    {
        try
        {
            error = string.Empty;
            return parse();
        }
        catch (FormatException exception)
        {
            error = exception.Message;
            return null;
        }
    }

    protected string Text { get; }

    protected int Position { get; set; }

    protected bool AtEnd => Position >= Text.Length;

    protected char Current => Text[Position];

    /// <summary>Reads a string that starts at the current quote character and ends at the same one.</summary>
    protected string ReadQuoted()
    {
        var quote = Text[Position++];
        var builder = new StringBuilder();
        while (!AtEnd)
        {
            var c = Text[Position++];
            if (c == quote)
            {
                return builder.ToString();
            }

            if (c == '\\' && !AtEnd)
            {
                var escaped = Text[Position++];
                builder.Append(escaped switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => escaped });
                continue;
            }

            builder.Append(c);
        }

        throw Fail("a string is not closed");
    }

    protected bool TryChar(char c)
    {
        SkipSpace();
        if (!AtEnd && Current == c)
        {
            Position++;
            return true;
        }

        return false;
    }

    protected void Expect(char c)
    {
        if (!TryChar(c))
        {
            throw Fail($"'{c}' is expected");
        }
    }

    protected void SkipSpace()
    {
        while (!AtEnd && char.IsWhiteSpace(Current))
        {
            Position++;
        }
    }

    /// <summary>Fails unless the whole text was read.</summary>
    protected void ExpectEnd()
    {
        SkipSpace();
        if (!AtEnd)
        {
            throw Fail("unexpected text");
        }
    }

    protected FormatException Fail(string reason) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{reason} at position {Position + 1}"));
}

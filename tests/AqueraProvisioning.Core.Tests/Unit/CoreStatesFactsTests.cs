using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Unit;

/// <summary>
/// Core states facts; what to do in PowerShell (which cmdlet to run, which parameter to pass) is the cmdlet layer's
/// to say. This guard reads Core's sources and fails on a string literal that names a cmdlet or a -Parameter.
/// </summary>
public class CoreStatesFactsTests
{
    // A cmdlet (Verb-Aquera...) or a parameter token (-Force, -BearerToken): a dash that starts a word.
    private static readonly Regex s_advice = new(@"\b[A-Z][a-z]+-Aquera[A-Za-z]*|(?<![\w-])-[A-Z][A-Za-z]+", RegexOptions.CultureInvariant);

    /// <summary>The string literals of a C# source with their line numbers; comments and char literals are skipped.</summary>
    /// <remarks>Regular, verbatim and raw literals are read; in an interpolated one a hole's own quotes are not.</remarks>
    internal static IEnumerable<(int Line, string Text)> Literals(string source)
    {
        int line = 1;
        for (int i = 0; i < source.Length; i++)
        {
            char c = source[i];
            if (c == '\n')
            {
                line++;
            }
            else if (c == '/' && At(source, i + 1) == '/')
            {
                while (i < source.Length && source[i] != '\n')
                {
                    i++;
                }

                line++;
            }
            else if (c == '/' && At(source, i + 1) == '*')
            {
                int end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? source.Length : end + 1;
                line += source.Substring(i, end - i).Count(ch => ch == '\n');
                i = end;
            }
            else if (c == '\'')
            {
                i += At(source, i + 1) == '\\' ? 3 : 2;
            }
            else if (c == '"')
            {
                int start = line;
                var text = new StringBuilder();
                if (At(source, i + 1) == '"' && At(source, i + 2) == '"')
                {
                    int end = source.IndexOf("\"\"\"", i + 3, StringComparison.Ordinal);
                    end = end < 0 ? source.Length : end;
                    text.Append(source, i + 3, end - i - 3);
                    i = end + 2;
                }
                else
                {
                    bool verbatim = At(source, i - 1) == '@' || (At(source, i - 1) == '$' && At(source, i - 2) == '@');
                    for (i++; i < source.Length; i++)
                    {
                        if (verbatim && source[i] == '"' && At(source, i + 1) == '"')
                        {
                            text.Append('"');
                            i++;
                        }
                        else if (source[i] == '"')
                        {
                            break;
                        }
                        else if (!verbatim && source[i] == '\\')
                        {
                            text.Append(source[i]).Append(At(source, ++i));
                        }
                        else
                        {
                            text.Append(source[i]);
                        }
                    }
                }

                line += text.ToString().Count(ch => ch == '\n');
                yield return (start, text.ToString());
            }
        }
    }

    /// <summary>Every literal in the sources under <paramref name="folder"/> that names a cmdlet or a parameter.</summary>
    internal static List<string> Offenders(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .SelectMany(f => Literals(File.ReadAllText(f))
                .Where(l => s_advice.IsMatch(l.Text))
                .Select(l => Path.GetFileName(f) + ":" + l.Line + ": \"" + l.Text + "\" names " + s_advice.Match(l.Text).Value))
            .ToList();

    private static char At(string text, int index) => index >= 0 && index < text.Length ? text[index] : '\0';

    private static string CoreSources()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "src", "AqueraProvisioning.Core");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("src/AqueraProvisioning.Core was not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void No_string_literal_in_Core_names_a_cmdlet_or_a_parameter()
    {
        string folder = CoreSources();

        Assert.True(Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Count() > 50, "the guard must read Core's sources");
        Assert.Empty(Offenders(folder));
    }

    [Theory]
    [InlineData("throw new X(\"Fix it, or use -Force to save it.\");", "-Force")]
    [InlineData("var m = \"Run Get-AqueraConnection -Name 'x' first.\";", "Get-AqueraConnection")]
    [InlineData("var m = @\"Pass \"\"-BearerToken\"\" now\";", "-BearerToken")]
    [InlineData("var m = \"\"\"\n  Connect-AqueraPingOne first\n  \"\"\";", "Connect-AqueraPingOne")]
    [InlineData("var m = \"a \\\" quote, then -Credential\";", "-Credential")]
    public void The_guard_finds_a_cmdlet_or_parameter_in_any_kind_of_literal(string source, string named)
    {
        Assert.Contains(Literals(source), l => s_advice.Match(l.Text).Value == named);
    }

    [Theory]
    [InlineData("// Run Get-AqueraConnection or pass -Force\nvar a = 1;")]
    [InlineData("/// <summary>Use -BearerToken.</summary>\nvoid F() { }")]
    [InlineData("/* -Force */ var c = '\"'; var h = \"X-Ping-External-Transaction-ID\"; var r = \"Retry-After\";")]
    [InlineData("var m = \"must be between 0 and 49 retries; not-a-flag; -1 is not a parameter\";")]
    public void Comments_headers_and_hyphenated_words_are_not_advice(string source)
    {
        Assert.DoesNotContain(Literals(source), l => s_advice.IsMatch(l.Text));
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation.Language;
using AqueraProvisioning.Core;

namespace AqueraProvisioning.Internal;

/// <summary>
/// Reads a .psd1 configuration file with PowerShell's own parser and takes only constant data from the syntax tree
/// (strings, numbers, $true, $false, $null, @( ) and @{ }), so nothing in the file ever runs. Unlike
/// Import-PowerShellDataFile it has no 500-key limit, and each piece that is not data is reported with its line.
/// </summary>
internal static class ConfigurationDataFile
{
    /// <summary>Reads a .psd1 or .json file, by its extension, into a validated document.</summary>
    /// <param name="path">The file system path.</param>
    public static AqueraConfiguration ReadFile(string path) =>
        ConfigurationFile.FormatOf(path) == ConfigurationFormat.Json
            ? ConfigurationFile.ReadJson(path)
            : Read(ConfigurationFile.ReadText(path), path);

    /// <summary>Reads .psd1 text into a validated document.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="file">The file, for messages.</param>
    public static AqueraConfiguration Read(string text, string? file)
    {
        var problems = new List<ConfigurationProblem>();
        ScriptBlockAst script = Parser.ParseInput(text ?? string.Empty, file, out _, out ParseError[] errors);
        foreach (ParseError error in errors)
        {
            problems.Add(Problem(file, error.Extent, "is not valid PowerShell: " + WithoutToken(error)));
        }

        object? tree = null;
        if (errors.Length == 0)
        {
            HashtableAst? root = Root(script);
            if (root is null)
            {
                problems.Add(Problem(file, script.Extent, "must hold one hashtable @{ ... } and nothing else (comments aside)."));
            }
            else
            {
                tree = new ConstantData(file, problems).Value(root);
            }
        }

        if (problems.Count > 0)
        {
            throw AqueraConfigurationException.Invalid(file, problems);
        }

        return ConfigurationReader.FromTree(tree, file);
    }

    private static HashtableAst? Root(ScriptBlockAst script)
    {
        bool onlyEnd = script.ParamBlock is null && script.BeginBlock is null && script.ProcessBlock is null && script.DynamicParamBlock is null &&
            script.UsingStatements.Count == 0 && script.EndBlock != null && script.EndBlock.Traps is null && script.EndBlock.Statements.Count == 1;
        return onlyEnd ? ConstantData.Expression(script.EndBlock!.Statements[0]) as HashtableAst : null;
    }

    // The parser quotes the token it stopped at ("Unexpected token ''eyJ...''"), which may be a pasted secret; the
    // line and column already say where it is, so the token itself is left out.
    private static string WithoutToken(ParseError error)
    {
        string token = error.Extent?.Text ?? string.Empty;
        return token.Length > 3 ? error.Message.Replace(token, "…") : error.Message;
    }

    private static ConfigurationProblem Problem(string? file, IScriptExtent extent, string message) =>
        new(ConfigurationProblemKind.Syntax, file, string.Empty, null, message)
        {
            Line = extent.StartLineNumber,
            Column = extent.StartColumnNumber,
        };

    /// <summary>The constant-data subset of the PowerShell language, as data.</summary>
    private sealed class ConstantData
    {
        private readonly string? _file;
        private readonly List<ConfigurationProblem> _problems;

        public ConstantData(string? file, List<ConfigurationProblem> problems)
        {
            _file = file;
            _problems = problems;
        }

        /// <summary>The expression a statement is, when it is a bare expression (no command, no redirection).</summary>
        public static ExpressionAst? Expression(StatementAst statement) =>
            statement is PipelineAst pipeline && pipeline.PipelineElements.Count == 1 &&
            pipeline.PipelineElements[0] is CommandExpressionAst command && command.Redirections.Count == 0
                ? command.Expression
                : null;

        public object? Value(Ast ast)
        {
            switch (ast)
            {
                case HashtableAst table:
                    var entries = new Dictionary<object, object?>();
                    foreach (Tuple<ExpressionAst, StatementAst> pair in table.KeyValuePairs)
                    {
                        object? key = Value(pair.Item1);
                        if (key != null && !entries.ContainsKey(key))
                        {
                            entries.Add(key, Statement(pair.Item2));
                        }
                    }

                    return entries;
                case ArrayExpressionAst array:
                    var items = new List<object?>();
                    foreach (StatementAst statement in array.SubExpression.Statements)
                    {
                        AddUnrolled(items, Statement(statement));
                    }

                    return items;
                case ArrayLiteralAst literal:
                    var elements = new List<object?>();
                    foreach (ExpressionAst element in literal.Elements)
                    {
                        elements.Add(Value(element));
                    }

                    return elements;
                case StringConstantExpressionAst text when text.StringConstantType != StringConstantType.BareWord || ast.Parent is HashtableAst:
                    return text.Value;
                case ConstantExpressionAst constant when constant is not StringConstantExpressionAst:
                    return constant.Value;
                case VariableExpressionAst variable when IsConstant(variable, out object? value):
                    return value;
                case ParenExpressionAst parenthesis:
                    return Statement(parenthesis.Pipeline);
                default:
                    NotData(ast);
                    return null;
            }
        }

        private static bool IsConstant(VariableExpressionAst variable, out object? value)
        {
            string name = variable.VariablePath.UserPath;
            value = string.Equals(name, "true", StringComparison.OrdinalIgnoreCase) ? true :
                string.Equals(name, "false", StringComparison.OrdinalIgnoreCase) ? false : null;
            return !variable.Splatted && (value != null || string.Equals(name, "null", StringComparison.OrdinalIgnoreCase));
        }

        private static void AddUnrolled(List<object?> items, object? value)
        {
            // @( ) unrolls what its statements produce, as PowerShell does: @(@('a', 'b')) is two strings.
            if (value is List<object?> list)
            {
                items.AddRange(list);
            }
            else
            {
                items.Add(value);
            }
        }

        private object? Statement(StatementAst statement)
        {
            ExpressionAst? expression = Expression(statement);
            if (expression is null)
            {
                NotData(statement);
                return null;
            }

            return Value(expression);
        }

        private void NotData(Ast ast) =>
            _problems.Add(Problem(
                _file,
                ast.Extent,
                string.Format(CultureInfo.InvariantCulture, "{0} is not constant data. A configuration file holds only strings, numbers, $true, $false, $null, @( ) lists and @{{ }} tables; nothing in it is run.", Kind(ast))));

        /// <summary>
        /// What kind of element is there, never its text: the text of a command or an expression in a configuration
        /// file may hold a secret (ConvertTo-SecureString 'token' -AsPlainText), and the line and column point to it.
        /// </summary>
        private static string Kind(Ast ast) => ast switch
        {
            PipelineAst pipeline when pipeline.PipelineElements.Count > 1 => "a pipeline",
            PipelineAst pipeline when pipeline.PipelineElements.Count == 1 && pipeline.PipelineElements[0] is CommandExpressionAst => "a redirection",
            PipelineAst or CommandAst => "a command",
            AssignmentStatementAst => "an assignment",
            StatementAst => "a statement",
            VariableExpressionAst or UsingExpressionAst => "a variable",
            SubExpressionAst => "a subexpression $( )",
            ExpandableStringExpressionAst => "a string that expands a variable or a subexpression",
            ConvertExpressionAst => "a cast",
            AttributedExpressionAst => "an attribute",
            BinaryExpressionAst or UnaryExpressionAst => "an operator",
            InvokeMemberExpressionAst => "a method call",
            MemberExpressionAst => "a member access",
            IndexExpressionAst => "an index",
            TypeExpressionAst => "a type",
            ScriptBlockExpressionAst => "a script block",
            StringConstantExpressionAst => "a bare word",
            _ => "an expression",
        };
    }
}

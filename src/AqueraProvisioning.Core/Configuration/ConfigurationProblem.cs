using System.Globalization;
using System.Text;

namespace AqueraProvisioning.Core;

/// <summary>
/// One problem in a configuration document: where it is (file, item, key, and for syntax errors the line) and what
/// is wrong. The message never holds a secret.
/// </summary>
public sealed class ConfigurationProblem
{
    /// <summary>Creates a problem.</summary>
    /// <param name="kind">What kind of problem it is.</param>
    /// <param name="file">The file, or null for a document that did not come from one.</param>
    /// <param name="item">The item, such as <c>Connections[2] 'Workday'</c>; empty for the document itself.</param>
    /// <param name="key">The key at fault, or null.</param>
    /// <param name="message">What is wrong and what is accepted.</param>
    public ConfigurationProblem(ConfigurationProblemKind kind, string? file, string item, string? key, string message)
    {
        Kind = kind;
        File = file;
        Item = item ?? string.Empty;
        Key = key;
        Message = Redactor.RedactText(message);
    }

    /// <summary>What kind of problem it is.</summary>
    public ConfigurationProblemKind Kind { get; }

    /// <summary>The file, or null.</summary>
    public string? File { get; }

    /// <summary>The item, such as <c>Rules[0] 'Sales' Mappings[3] 'userName'</c>; empty for the document itself.</summary>
    public string Item { get; }

    /// <summary>The key at fault, or null.</summary>
    public string? Key { get; }

    /// <summary>The line (from 1) of a syntax problem, when known.</summary>
    public int? Line { get; set; }

    /// <summary>The column (from 1) of a syntax problem, when known.</summary>
    public int? Column { get; set; }

    /// <summary>What is wrong and what is accepted.</summary>
    public string Message { get; }

    /// <summary>Item and key, such as <c>Connections[2] 'Workday' ScimUrl</c>.</summary>
    public string Location
    {
        get
        {
            var text = new StringBuilder(Item);
            if (!string.IsNullOrEmpty(Key))
            {
                text.Append(text.Length == 0 ? string.Empty : " ").Append(Key);
            }

            if (Line is int line)
            {
                text.Append(text.Length == 0 ? string.Empty : " ").AppendFormat(CultureInfo.InvariantCulture, "(line {0}", line);
                text.Append(Column is int column ? string.Format(CultureInfo.InvariantCulture, ", column {0})", column) : ")");
            }

            return text.ToString();
        }
    }

    /// <summary><c>file: location: message</c>.</summary>
    public override string ToString()
    {
        string location = Location;
        string where = File is null ? location : location.Length == 0 ? File : File + ": " + location;
        return where.Length == 0 ? Message : where + ": " + Message;
    }
}

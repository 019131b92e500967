using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace AqueraProvisioning.Core;

/// <summary>
/// One property an update changes: <c>Description: 'old' -> 'new'</c>. Values are strings, booleans, enums or string
/// lists; null means none. A credential is shown only as <c>(stored) -> (supplied)</c>, never its value.
/// </summary>
public sealed class ConfigurationPropertyChange
{
    /// <summary>The property name of the credential change.</summary>
    public const string CredentialProperty = "Credential";

    /// <summary>How the old credential is shown.</summary>
    public const string StoredCredential = "(stored)";

    /// <summary>How the new credential is shown.</summary>
    public const string SuppliedCredential = "(supplied)";

    internal ConfigurationPropertyChange(string property, object? oldValue, object? newValue)
    {
        Property = property;
        Old = oldValue;
        New = newValue;
    }

    /// <summary>The property (a key of the document, or Credential).</summary>
    public string Property { get; }

    /// <summary>The environment's value.</summary>
    public object? Old { get; }

    /// <summary>The document's value.</summary>
    public object? New { get; }

    /// <summary>True for the credential change.</summary>
    public bool IsCredential => Property == CredentialProperty;

    /// <summary>Formats a value as a change shows it: strings quoted, none as (none), lists comma-separated.</summary>
    /// <param name="value">The value.</param>
    public static string Format(object? value) => value switch
    {
        null => "(none)",
        string s when s.Length == 0 => "(none)",
        string s => "'" + s + "'",
        bool b => b ? "True" : "False",
        IEnumerable list => Join(list.Cast<object?>().ToList()),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary><c>Property: old -> new</c>.</summary>
    public override string ToString() =>
        IsCredential ? Property + ": " + Old + " -> " + New : Property + ": " + Format(Old) + " -> " + Format(New);

    private static string Join(List<object?> items) => items.Count == 0 ? "(none)" : string.Join(", ", items.Select(Format));

    internal static ConfigurationPropertyChange Credential() => new(CredentialProperty, StoredCredential, SuppliedCredential);

    internal static IReadOnlyList<string> List(IEnumerable<string> items) => items.ToList().AsReadOnly();
}

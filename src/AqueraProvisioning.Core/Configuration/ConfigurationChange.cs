using System.Collections.Generic;
using System.Linq;

namespace AqueraProvisioning.Core;

/// <summary>
/// One step of a plan: what happens to one connection, rule or mapping, and for an update which properties change.
/// Steps come in the order they must be applied.
/// </summary>
public sealed class ConfigurationChange
{
    internal ConfigurationChange(ConfigurationAction action, ConfigurationKind kind, string name, object? desired, object? current)
    {
        Action = action;
        Kind = kind;
        Name = name;
        Desired = desired;
        Current = current;
    }

    /// <summary>Create, Update, Delete or Unchanged.</summary>
    public ConfigurationAction Action { get; }

    /// <summary>Connection, Rule or Mapping.</summary>
    public ConfigurationKind Kind { get; }

    /// <summary>The item's name; for a mapping <c>rule / target</c>.</summary>
    public string Name { get; }

    /// <summary>The name of the rule a mapping belongs to; null for connections and rules.</summary>
    public string? Rule { get; internal set; }

    /// <summary>The properties that change (updates only); never a secret value.</summary>
    public IReadOnlyList<ConfigurationPropertyChange> Properties { get; internal set; } = new List<ConfigurationPropertyChange>().AsReadOnly();

    /// <summary>Why a connection's secret is sent, or None.</summary>
    public ConfigurationCredentialUse CredentialUse { get; internal set; }

    /// <summary>True when applying this step sends the connection's secret, which must then be resolved first.</summary>
    public bool NeedsCredential => CredentialUse != ConfigurationCredentialUse.None;

    /// <summary>Why a step happens that the document does not ask for directly (a rule replaced to move it), or null.</summary>
    public string? Reason { get; internal set; }

    /// <summary>
    /// The document's item (an <see cref="AqueraConfigurationConnection"/>, <see cref="AqueraConfigurationRule"/> or
    /// <see cref="AqueraConfigurationMapping"/>); null for a delete.
    /// </summary>
    public object? Desired { get; }

    /// <summary>The environment's item of the same type; null for a create.</summary>
    public object? Current { get; }

    /// <summary><c>Update Connection 'Workday': Description: 'a' -> 'b'</c>.</summary>
    public override string ToString()
    {
        string text = Action + " " + Kind + " '" + Name + "'";
        if (Properties.Count > 0)
        {
            text += ": " + string.Join("; ", Properties.Select(p => p.ToString()));
        }

        return Reason is null ? text : text + " (" + Reason + ")";
    }
}

using System;
using System.Globalization;
using System.Linq;
using System.Text;

namespace AqueraProvisioning.Core;

/// <summary>
/// Where a connection's secret (bearer token or Basic password) is found, never the secret itself:
/// <c>env:NAME</c> (an environment variable), <c>secret:NAME</c> (a SecretManagement vault) or <c>NAME</c> (supplied
/// with the import under that name).
/// </summary>
public sealed class ConfigurationSecretReference : IEquatable<ConfigurationSecretReference>
{
    /// <summary>The prefix of an environment variable reference.</summary>
    public const string EnvironmentPrefix = "env:";

    /// <summary>The prefix of a secret vault reference.</summary>
    public const string VaultPrefix = "secret:";

    /// <summary>The start of every default environment variable name.</summary>
    public const string DefaultVariablePrefix = "AQUERA_SECRET_";

    /// <summary>The longest environment variable or supplied name accepted.</summary>
    public const int MaxNameLength = 128;

    /// <summary>The longest vault secret name accepted.</summary>
    public const int MaxVaultNameLength = 256;

    // A value this long made only of letters and digits is far more likely a pasted token than a name.
    private const int SecretLikeLength = 24;

    private ConfigurationSecretReference(ConfigurationSecretSource source, string name)
    {
        Source = source;
        Name = name;
    }

    /// <summary>Where the secret is found.</summary>
    public ConfigurationSecretSource Source { get; }

    /// <summary>The variable, vault secret or supplied name.</summary>
    public string Name { get; }

    /// <summary>An environment variable reference.</summary>
    /// <param name="name">The variable name: letters, digits and underscores, not starting with a digit.</param>
    public static ConfigurationSecretReference EnvironmentVariable(string name) => Parse(EnvironmentPrefix + name);

    /// <summary>
    /// The reference an export writes for a connection: <c>env:AQUERA_SECRET_</c> followed by the name in capitals,
    /// accents dropped and every run of other characters made one underscore (<c>Workday via Aquera</c> gives
    /// <c>env:AQUERA_SECRET_WORKDAY_VIA_AQUERA</c>).
    /// </summary>
    /// <param name="connectionName">The connection name.</param>
    public static ConfigurationSecretReference DefaultFor(string connectionName)
    {
        if (connectionName is null)
        {
            throw new ArgumentNullException(nameof(connectionName));
        }

        var name = new StringBuilder(DefaultVariablePrefix);
        bool pendingSeparator = false;
        foreach (char c in connectionName.Normalize(NormalizationForm.FormD).ToUpperInvariant())
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
            {
                if (pendingSeparator && name.Length > DefaultVariablePrefix.Length)
                {
                    name.Append('_');
                }

                name.Append(c);
                pendingSeparator = false;
            }
            else
            {
                pendingSeparator = true;
            }
        }

        if (name.Length == DefaultVariablePrefix.Length)
        {
            name.Append("CONNECTION");
        }

        // Leaves room for a numbering suffix within the limit.
        string text = name.ToString();
        return new ConfigurationSecretReference(ConfigurationSecretSource.EnvironmentVariable, text.Length <= MaxNameLength - 4 ? text : text.Substring(0, MaxNameLength - 4).TrimEnd('_'));
    }

    /// <summary>Parses a reference, or throws when it is not one.</summary>
    /// <param name="text">The reference as written.</param>
    /// <exception cref="FormatException">The text is not a secret reference; the message says why.</exception>
    public static ConfigurationSecretReference Parse(string? text)
    {
        if (!TryParse(text, out ConfigurationSecretReference? reference, out string? problem))
        {
            throw new FormatException(problem);
        }

        return reference!;
    }

    /// <summary>Parses a reference; on failure says why without repeating a value that looks like a secret.</summary>
    /// <param name="text">The reference as written.</param>
    /// <param name="reference">The reference, or null.</param>
    /// <param name="problem">Why the text is not a reference, or null.</param>
    public static bool TryParse(string? text, out ConfigurationSecretReference? reference, out string? problem)
    {
        reference = null;
        string value = text ?? string.Empty;
        if (value.Trim().Length == 0)
        {
            problem = "is empty. Write env:NAME, secret:NAME or a NAME supplied with the import.";
            return false;
        }

        if (LooksLikeASecret(value))
        {
            problem = "looks like a secret value rather than a reference to one. A configuration file must never hold a secret: write env:NAME, secret:NAME or a NAME supplied with the import, and keep the value there.";
            return false;
        }

        if (value.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return TryName(ConfigurationSecretSource.EnvironmentVariable, value.Substring(EnvironmentPrefix.Length), out reference, out problem);
        }

        if (value.StartsWith(VaultPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return TryName(ConfigurationSecretSource.SecretVault, value.Substring(VaultPrefix.Length), out reference, out problem);
        }

        int colon = value.IndexOf(':');
        if (colon >= 0)
        {
            // Only the prefix is quoted: the rest may be a pasted secret that the checks above did not recognise.
            problem = string.Format(CultureInfo.InvariantCulture, "has the unknown prefix '{0}'. The prefixes are env: and secret:; a supplied name has none.", AqueraInput.Shorten(value.Substring(0, colon + 1)));
            return false;
        }

        return TryName(ConfigurationSecretSource.Supplied, value, out reference, out problem);
    }

    /// <summary>Two references are equal when source and name are.</summary>
    /// <param name="other">The other reference.</param>
    public bool Equals(ConfigurationSecretReference? other) =>
        other is not null && other.Source == Source && string.Equals(other.Name, Name, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ConfigurationSecretReference);

    /// <inheritdoc />
    public override int GetHashCode() => ((int)Source * 397) ^ StringComparer.Ordinal.GetHashCode(Name);

    /// <summary>The reference as a file holds it: <c>env:NAME</c>, <c>secret:NAME</c> or <c>NAME</c>.</summary>
    public override string ToString() => Source switch
    {
        ConfigurationSecretSource.EnvironmentVariable => EnvironmentPrefix + Name,
        ConfigurationSecretSource.SecretVault => VaultPrefix + Name,
        _ => Name,
    };

    private static bool TryName(ConfigurationSecretSource source, string name, out ConfigurationSecretReference? reference, out string? problem)
    {
        reference = null;
        problem = source switch
        {
            ConfigurationSecretSource.EnvironmentVariable => CheckIdentifier(name, "An environment variable name", allowDotAndDash: false),
            ConfigurationSecretSource.SecretVault => CheckVaultName(name),
            _ => CheckIdentifier(name, "A supplied secret name", allowDotAndDash: true),
        };
        if (problem != null)
        {
            return false;
        }

        reference = new ConfigurationSecretReference(source, name);
        return true;
    }

    private static string? CheckIdentifier(string name, string what, bool allowDotAndDash)
    {
        string allowed = allowDotAndDash ? "letters, digits, '_', '-' and '.'" : "letters, digits and '_'";
        bool valid = name.Length > 0 && name.Length <= MaxNameLength && (IsLetter(name[0]) || name[0] == '_') &&
            name.All(c => IsLetter(c) || (c >= '0' && c <= '9') || c == '_' || (allowDotAndDash && (c == '-' || c == '.')));
        return valid
            ? null
            : string.Format(CultureInfo.InvariantCulture, "is not a valid name. {0} is 1 to {1} {2}, starting with a letter or '_'.", what, MaxNameLength, allowed);
    }

    private static string? CheckVaultName(string name)
    {
        if (name.Length == 0 || name.Length > MaxVaultNameLength || name.Trim().Length != name.Length || name.Any(char.IsControl))
        {
            return string.Format(CultureInfo.InvariantCulture, "is not a valid vault secret name: 1 to {0} characters, no control characters and no leading or trailing space.", MaxVaultNameLength);
        }

        return null;
    }

    private static bool IsLetter(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');

    private static bool LooksLikeASecret(string value)
    {
        string name = value.Contains(':') ? value.Substring(value.IndexOf(':') + 1) : value;
        return (name.Length >= SecretLikeLength && name.All(char.IsLetterOrDigit) && name.Any(char.IsDigit) && name.Any(char.IsLetter))
            || IsJwt(name);
    }

    // A JWT (a common bearer token) passes as a supplied name, since names may hold '.', '-' and '_'; no name a
    // person chooses is three base64url parts whose first is an encoded JSON object ("eyJ").
    private static bool IsJwt(string text)
    {
        string[] parts = text.Split('.');
        return parts.Length == 3 && text.StartsWith("eyJ", StringComparison.Ordinal)
            && parts.All(p => p.Length > 0 && p.All(c => char.IsLetterOrDigit(c) || c == '-' || c == '_'));
    }
}

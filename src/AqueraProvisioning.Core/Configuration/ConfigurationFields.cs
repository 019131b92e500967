using System.Collections.Generic;

namespace AqueraProvisioning.Core;

/// <summary>
/// The keys and values each item is written with, in schema order, so the two writers cannot disagree on what a
/// document holds. Values are strings, booleans, string lists or nested item lists; enums are written as their names.
/// Keys without a value (BasicAuthUser of a bearer connection, an unset GroupNameSource, the unused one of Source and
/// Expression, a mapping's default Type) are left out.
/// </summary>
internal static class ConfigurationFields
{
    public static IEnumerable<KeyValuePair<string, object>> Of(AqueraConfigurationConnection connection, ConfigurationSecretReference secret)
    {
        yield return Field(ConfigurationKeys.Name, connection.Name);
        yield return Field(ConfigurationKeys.Description, connection.Description ?? string.Empty);
        yield return Field(ConfigurationKeys.ScimUrl, connection.ScimUrl);
        yield return Field(ConfigurationKeys.AuthenticationMethod, connection.AuthenticationMethod.ToString());
        if (connection.AuthenticationMethod == AqueraAuthenticationMethod.BasicAuth)
        {
            yield return Field(ConfigurationKeys.BasicAuthUser, connection.BasicAuthUser ?? string.Empty);
        }

        yield return Field(ConfigurationKeys.Secret, secret.ToString());
        yield return Field(ConfigurationKeys.AllowCreate, connection.AllowCreate);
        yield return Field(ConfigurationKeys.AllowUpdate, connection.AllowUpdate);
        yield return Field(ConfigurationKeys.AllowDisable, connection.AllowDisable);
        yield return Field(ConfigurationKeys.RemoveAction, connection.RemoveAction.ToString());
        yield return Field(ConfigurationKeys.DeprovisionOnRuleDeletion, connection.DeprovisionOnRuleDeletion);
        if (connection.GroupNameSource is AqueraGroupNameSource source)
        {
            yield return Field(ConfigurationKeys.GroupNameSource, source.ToString());
        }

        yield return Field(ConfigurationKeys.State, connection.State.ToString());
    }

    public static IEnumerable<KeyValuePair<string, object>> Of(AqueraConfigurationRule rule)
    {
        yield return Field(ConfigurationKeys.Name, rule.Name);
        yield return Field(ConfigurationKeys.Connection, rule.Connection);
        yield return Field(ConfigurationKeys.Description, rule.Description ?? string.Empty);
        yield return Field(ConfigurationKeys.State, rule.State.ToString());
        yield return Field(ConfigurationKeys.Populations, new List<string>(rule.Populations));
        yield return Field(ConfigurationKeys.Groups, new List<string>(rule.Groups));
        yield return Field(ConfigurationKeys.Filter, rule.Filter ?? string.Empty);
        yield return Field(ConfigurationKeys.Mappings, new List<AqueraConfigurationMapping>(rule.Mappings));
    }

    public static IEnumerable<KeyValuePair<string, object>> Of(AqueraConfigurationMapping mapping)
    {
        yield return Field(ConfigurationKeys.Target, mapping.Target);
        if (mapping.Source != null)
        {
            yield return Field(ConfigurationKeys.Source, mapping.Source);
        }

        if (mapping.Expression != null)
        {
            yield return Field(ConfigurationKeys.Expression, mapping.Expression);
        }

        if (mapping.Type != AqueraMappingType.User)
        {
            yield return Field(ConfigurationKeys.Type, mapping.Type.ToString());
        }
    }

    /// <summary>Each connection's secret reference as written: its own, or the default it would get on reading.</summary>
    public static IReadOnlyList<ConfigurationSecretReference> SecretsOf(AqueraConfiguration document)
    {
        var copies = new List<AqueraConfigurationConnection>();
        foreach (AqueraConfigurationConnection connection in document.Connections)
        {
            copies.Add(new AqueraConfigurationConnection { Name = connection.Name, Secret = connection.Secret });
        }

        DefaultSecretReferences.Assign(copies);
        return copies.ConvertAll(c => c.Secret!);
    }

    private static KeyValuePair<string, object> Field(string key, object value) => new(key, value);
}

using System;
using System.Collections.Generic;
using System.Linq;

namespace AqueraProvisioning.Core;

/// <summary>
/// Turns the neutral tree (tables, lists, strings, booleans, numbers: what a .psd1 file or a .json file holds) into a
/// validated document. Every problem is collected before anything is thrown, so a file is fixed in one round.
/// </summary>
internal static class ConfigurationTreeReader
{
    public static AqueraConfiguration Read(object? tree, ConfigurationProblems problems)
    {
        var document = new AqueraConfiguration();
        ConfigurationTable? root = ConfigurationTable.Open(tree, problems, string.Empty);
        if (root is null)
        {
            problems.ThrowIfAny();
            return document;
        }

        int? version = root.Integer(ConfigurationKeys.SchemaVersion, required: true);
        if (version is int known && known != AqueraConfiguration.CurrentSchemaVersion)
        {
            // A later schema may have other keys: reporting them as unknown would only hide the one real problem.
            root.Add(ConfigurationProblemKind.UnknownSchemaVersion, ConfigurationKeys.SchemaVersion, "SchemaVersion " + known + " is not known; this version of the module reads SchemaVersion " + AqueraConfiguration.CurrentSchemaVersion + ".");
            problems.ThrowIfAny();
        }

        root.RejectUnknownKeys(ConfigurationKeys.Document, "a configuration document");
        IReadOnlyList<object?> connections = root.Items(ConfigurationKeys.Connections);
        for (int i = 0; i < connections.Count; i++)
        {
            ConfigurationTable? table = ConfigurationTable.Open(connections[i], problems, ConfigurationLocation.Connection(i, null));
            if (table != null)
            {
                document.Connections.Add(ReadConnection(table, i));
            }
        }

        IReadOnlyList<object?> rules = root.Items(ConfigurationKeys.Rules);
        for (int i = 0; i < rules.Count; i++)
        {
            ConfigurationTable? table = ConfigurationTable.Open(rules[i], problems, ConfigurationLocation.Rule(i, null));
            if (table != null)
            {
                document.Rules.Add(ReadRule(table, i, problems));
            }
        }

        ConfigurationDuplicates.Check(document, problems);
        problems.ThrowIfAny();
        DefaultSecretReferences.Assign(document.Connections);
        return document;
    }

    private static AqueraConfigurationConnection ReadConnection(ConfigurationTable table, int index)
    {
        var connection = new AqueraConfigurationConnection { Name = RequireName(table, ConfigurationKeys.Name) };
        table.Item = ConfigurationLocation.Connection(index, connection.Name);
        connection.Description = Description(table);
        connection.ScimUrl = ScimUrl(table);
        AqueraAuthenticationMethod? method = table.Choice<AqueraAuthenticationMethod>(ConfigurationKeys.AuthenticationMethod, required: true);
        connection.AuthenticationMethod = method ?? AqueraAuthenticationMethod.BearerToken;
        connection.BasicAuthUser = BasicAuthUser(table, method);
        connection.Secret = Secret(table);
        connection.AllowCreate = table.Flag(ConfigurationKeys.AllowCreate);
        connection.AllowUpdate = table.Flag(ConfigurationKeys.AllowUpdate);
        connection.AllowDisable = table.Flag(ConfigurationKeys.AllowDisable);
        connection.RemoveAction = table.Choice<AqueraRemoveAction>(ConfigurationKeys.RemoveAction, required: false) ?? AqueraRemoveAction.Disable;
        connection.DeprovisionOnRuleDeletion = table.Flag(ConfigurationKeys.DeprovisionOnRuleDeletion);
        connection.GroupNameSource = table.Choice<AqueraGroupNameSource>(ConfigurationKeys.GroupNameSource, required: false);
        connection.State = table.Choice<AqueraConnectionState>(ConfigurationKeys.State, required: true) ?? AqueraConnectionState.Disabled;
        table.RejectUnknownKeys(ConfigurationKeys.ConnectionKeys, "a connection");
        return connection;
    }

    private static AqueraConfigurationRule ReadRule(ConfigurationTable table, int index, ConfigurationProblems problems)
    {
        var rule = new AqueraConfigurationRule { Name = RequireName(table, ConfigurationKeys.Name) };
        table.Item = ConfigurationLocation.Rule(index, rule.Name);
        rule.Connection = RequireName(table, ConfigurationKeys.Connection);
        rule.Description = Description(table);
        rule.State = table.Choice<AqueraConnectionState>(ConfigurationKeys.State, required: true) ?? AqueraConnectionState.Disabled;
        AddAll(rule.Populations, table.Names(ConfigurationKeys.Populations));
        AddAll(rule.Groups, table.Names(ConfigurationKeys.Groups));
        rule.Filter = table.Text(ConfigurationKeys.Filter, required: false) ?? string.Empty;
        IReadOnlyList<object?> mappings = table.Items(ConfigurationKeys.Mappings);
        for (int i = 0; i < mappings.Count; i++)
        {
            ConfigurationTable? mapping = ConfigurationTable.Open(mappings[i], problems, ConfigurationLocation.Mapping(table.Item, i, null));
            if (mapping != null)
            {
                rule.Mappings.Add(ReadMapping(mapping, table.Item, i));
            }
        }

        table.RejectUnknownKeys(ConfigurationKeys.RuleKeys, "a rule");
        return rule;
    }

    private static AqueraConfigurationMapping ReadMapping(ConfigurationTable table, string rule, int index)
    {
        var mapping = new AqueraConfigurationMapping { Target = RequireName(table, ConfigurationKeys.Target) };
        table.Item = ConfigurationLocation.Mapping(rule, index, mapping.Target);
        mapping.Source = NonBlank(table, ConfigurationKeys.Source)?.Trim();
        mapping.Expression = NonBlank(table, ConfigurationKeys.Expression);
        if (mapping.Source != null && mapping.Expression != null)
        {
            table.Add(ConfigurationProblemKind.Conflict, ConfigurationKeys.Expression, "A mapping has a Source or an Expression, not both.");
        }
        else if (!table.Has(ConfigurationKeys.Source) && !table.Has(ConfigurationKeys.Expression))
        {
            table.Add(ConfigurationProblemKind.MissingKey, ConfigurationKeys.Source, "A mapping needs a Source (a PingOne attribute) or an Expression.");
        }

        mapping.Type = table.Choice<AqueraMappingType>(ConfigurationKeys.Type, required: false) ?? AqueraMappingType.User;
        table.RejectUnknownKeys(ConfigurationKeys.MappingKeys, "a mapping");
        return mapping;
    }

    private static string RequireName(ConfigurationTable table, string key)
    {
        string name = (table.Text(key, required: true) ?? string.Empty).Trim();
        if (table.Has(key) && name.Length == 0)
        {
            table.Add(ConfigurationProblemKind.InvalidValue, key, "is empty.");
        }
        else if (name.Length > AqueraInput.MaxNameLength)
        {
            table.Add(ConfigurationProblemKind.InvalidValue, key, ConfigurationTable.TooLong(name.Length, AqueraInput.MaxNameLength));
        }

        return name;
    }

    private static string? NonBlank(ConfigurationTable table, string key)
    {
        string? text = table.Text(key, required: false);
        if (text != null && text.Trim().Length == 0)
        {
            table.Add(ConfigurationProblemKind.InvalidValue, key, "is empty.");
            return null;
        }

        return text;
    }

    private static string Description(ConfigurationTable table)
    {
        string description = table.Text(ConfigurationKeys.Description, required: false) ?? string.Empty;
        if (description.Length > AqueraInput.MaxDescriptionLength)
        {
            table.Add(ConfigurationProblemKind.InvalidValue, ConfigurationKeys.Description, ConfigurationTable.TooLong(description.Length, AqueraInput.MaxDescriptionLength));
        }

        return description;
    }

    private static string ScimUrl(ConfigurationTable table)
    {
        string? text = table.Text(ConfigurationKeys.ScimUrl, required: true);
        if (text is null)
        {
            return string.Empty;
        }

        try
        {
            TransportRules.RequireScimUrl(text);
        }
        catch (AqueraValidationException ex) when (ex.Problem == AqueraInputProblem.CarriesUserInfo)
        {
            // In a file the credential goes behind Secret; the URL that carries one is not kept.
            table.Add(ConfigurationProblemKind.InvalidValue, ConfigurationKeys.ScimUrl, "must not contain a user name or password; the credential belongs where the Secret key points.");
            return string.Empty;
        }
        catch (AqueraValidationException ex)
        {
            table.Add(ConfigurationProblemKind.InvalidValue, ConfigurationKeys.ScimUrl, ex.Message);
        }

        return text.Trim();
    }

    private static string? BasicAuthUser(ConfigurationTable table, AqueraAuthenticationMethod? method)
    {
        string? user = table.Text(ConfigurationKeys.BasicAuthUser, required: false)?.Trim();
        if (method == AqueraAuthenticationMethod.BearerToken && user != null)
        {
            table.Add(ConfigurationProblemKind.Conflict, ConfigurationKeys.BasicAuthUser, "applies only to AuthenticationMethod BasicAuth; a bearer token has no user.");
            return null;
        }

        if (method == AqueraAuthenticationMethod.BasicAuth && string.IsNullOrEmpty(user))
        {
            table.Add(ConfigurationProblemKind.MissingKey, ConfigurationKeys.BasicAuthUser, "is required with AuthenticationMethod BasicAuth (the Aquera app user).");
        }

        return string.IsNullOrEmpty(user) ? null : user;
    }

    private static ConfigurationSecretReference? Secret(ConfigurationTable table)
    {
        string? text = table.Text(ConfigurationKeys.Secret, required: false);
        if (text is null)
        {
            return null;
        }

        if (!ConfigurationSecretReference.TryParse(text, out ConfigurationSecretReference? reference, out string? problem))
        {
            table.Add(ConfigurationProblemKind.InvalidSecretReference, ConfigurationKeys.Secret, problem!);
        }

        return reference;
    }

    private static void AddAll(IList<string> list, IEnumerable<string> items)
    {
        foreach (string item in items)
        {
            list.Add(item);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;

namespace AqueraProvisioning.Core;

/// <summary>
/// Works out what importing a document would change: a pure function of the document, the environment read into a
/// document of the same shape, and the options. Items match by name (a mapping by its rule and target),
/// case-insensitively, so a document from one environment plans cleanly against another.
/// </summary>
public static class ConfigurationPlanner
{
    /// <summary>A rule cannot move to another connection in PingOne, so moving one replaces it.</summary>
    public const string ReplaceReason = "replaced: PingOne cannot move a rule to another connection";

    /// <summary>The plan, in the order to apply it.</summary>
    /// <param name="desired">The document.</param>
    /// <param name="current">The environment, as a document.</param>
    /// <param name="options">Prune and the secret facts; null for none.</param>
    public static ConfigurationPlan Plan(AqueraConfiguration desired, AqueraConfiguration current, ConfigurationPlanOptions? options = null)
    {
        if (desired is null)
        {
            throw new ArgumentNullException(nameof(desired));
        }

        if (current is null)
        {
            throw new ArgumentNullException(nameof(current));
        }

        options ??= new ConfigurationPlanOptions();
        var changes = new List<ConfigurationChange>();

        // Connections come first: a rule can only be enabled once its connection is, and a created rule needs its
        // connection to exist.
        foreach (AqueraConfigurationConnection connection in desired.Connections)
        {
            changes.Add(PlanConnection(connection, current.FindConnection(connection.Name), options));
        }

        foreach (AqueraConfigurationRule rule in desired.Rules)
        {
            PlanRule(rule, current.FindRule(rule.Name), changes);
        }

        if (options.Prune)
        {
            PlanDeletes(desired, current, changes);
        }

        return new ConfigurationPlan(changes);
    }

    private static ConfigurationChange PlanConnection(AqueraConfigurationConnection desired, AqueraConfigurationConnection? current, ConfigurationPlanOptions options)
    {
        if (current is null)
        {
            return new ConfigurationChange(ConfigurationAction.Create, ConfigurationKind.Connection, desired.Name, desired, null) { CredentialUse = ConfigurationCredentialUse.Create };
        }

        var diff = new PropertyDiff();
        diff.Text(ConfigurationKeys.Name, current.Name, desired.Name);
        diff.Text(ConfigurationKeys.Description, current.Description, desired.Description);
        diff.Text(ConfigurationKeys.ScimUrl, current.ScimUrl, desired.ScimUrl);
        bool authentication = diff.Value(ConfigurationKeys.AuthenticationMethod, current.AuthenticationMethod, desired.AuthenticationMethod);
        authentication |= diff.Text(ConfigurationKeys.BasicAuthUser, current.BasicAuthUser, desired.BasicAuthUser);
        diff.Value(ConfigurationKeys.AllowCreate, current.AllowCreate, desired.AllowCreate);
        diff.Value(ConfigurationKeys.AllowUpdate, current.AllowUpdate, desired.AllowUpdate);
        diff.Value(ConfigurationKeys.AllowDisable, current.AllowDisable, desired.AllowDisable);
        diff.Value(ConfigurationKeys.RemoveAction, current.RemoveAction, desired.RemoveAction);
        diff.Value(ConfigurationKeys.DeprovisionOnRuleDeletion, current.DeprovisionOnRuleDeletion, desired.DeprovisionOnRuleDeletion);
        if (desired.GroupNameSource != null)
        {
            diff.Value(ConfigurationKeys.GroupNameSource, current.GroupNameSource, desired.GroupNameSource);
        }

        diff.Value(ConfigurationKeys.State, current.State, desired.State);
        ConfigurationCredentialUse use =
            authentication ? ConfigurationCredentialUse.AuthenticationChange :
            options.SuppliedSecrets.Contains(desired.Name) ? ConfigurationCredentialUse.Supplied :
            diff.Count > 0 && options.SecretNotReturned.Contains(desired.Name) ? ConfigurationCredentialUse.Resend :
            ConfigurationCredentialUse.None;
        if (use != ConfigurationCredentialUse.None)
        {
            diff.Credential();
        }

        return Change(ConfigurationKind.Connection, desired.Name, desired, current, diff, use);
    }

    private static void PlanRule(AqueraConfigurationRule desired, AqueraConfigurationRule? current, List<ConfigurationChange> changes)
    {
        if (current != null && !ConfigurationNames.Same(current.Connection, desired.Connection))
        {
            changes.Add(new ConfigurationChange(ConfigurationAction.Delete, ConfigurationKind.Rule, current.Name, null, current) { Reason = ReplaceReason });
            current = null;
        }

        if (current is null)
        {
            changes.Add(new ConfigurationChange(ConfigurationAction.Create, ConfigurationKind.Rule, desired.Name, desired, null));
            foreach (AqueraConfigurationMapping mapping in desired.Mappings)
            {
                changes.Add(PlanMapping(desired.Name, mapping, null));
            }

            return;
        }

        var diff = new PropertyDiff();
        diff.Text(ConfigurationKeys.Name, current.Name, desired.Name);
        diff.Text(ConfigurationKeys.Description, current.Description, desired.Description);
        diff.Value(ConfigurationKeys.State, current.State, desired.State);
        diff.Names(ConfigurationKeys.Populations, current.Populations, desired.Populations);
        diff.Names(ConfigurationKeys.Groups, current.Groups, desired.Groups);
        diff.Text(ConfigurationKeys.Filter, current.Filter, desired.Filter);
        changes.Add(Change(ConfigurationKind.Rule, desired.Name, desired, current, diff, ConfigurationCredentialUse.None));
        foreach (AqueraConfigurationMapping mapping in desired.Mappings)
        {
            changes.Add(PlanMapping(desired.Name, mapping, current.FindMapping(mapping.Target)));
        }
    }

    private static ConfigurationChange PlanMapping(string rule, AqueraConfigurationMapping desired, AqueraConfigurationMapping? current)
    {
        if (current is null)
        {
            return new ConfigurationChange(ConfigurationAction.Create, ConfigurationKind.Mapping, MappingName(rule, desired), desired, null) { Rule = rule };
        }

        var diff = new PropertyDiff();
        diff.Text(ConfigurationKeys.Target, current.Target, desired.Target);
        diff.Text(ConfigurationKeys.Source, current.Source, desired.Source);
        diff.Text(ConfigurationKeys.Expression, current.Expression, desired.Expression);
        diff.Value(ConfigurationKeys.Type, current.Type, desired.Type);
        ConfigurationChange change = Change(ConfigurationKind.Mapping, MappingName(rule, desired), desired, current, diff, ConfigurationCredentialUse.None);
        change.Rule = rule;
        return change;
    }

    // Reverse dependency order: a mapping before its rule, a rule before its connection.
    private static void PlanDeletes(AqueraConfiguration desired, AqueraConfiguration current, List<ConfigurationChange> changes)
    {
        foreach (AqueraConfigurationRule rule in desired.Rules)
        {
            AqueraConfigurationRule? existing = current.FindRule(rule.Name);
            if (existing is null || !ConfigurationNames.Same(existing.Connection, rule.Connection))
            {
                // New or replaced: the environment's mappings go with the old rule.
                continue;
            }

            foreach (AqueraConfigurationMapping mapping in existing.Mappings.Where(m => rule.FindMapping(m.Target) is null))
            {
                changes.Add(new ConfigurationChange(ConfigurationAction.Delete, ConfigurationKind.Mapping, MappingName(existing.Name, mapping), null, mapping) { Rule = existing.Name });
            }
        }

        foreach (AqueraConfigurationRule rule in current.Rules.Where(r => desired.FindRule(r.Name) is null))
        {
            changes.Add(new ConfigurationChange(ConfigurationAction.Delete, ConfigurationKind.Rule, rule.Name, null, rule));
        }

        // A connection the document's rules name is named by the document, even if it does not define it.
        var named = new HashSet<string>(desired.Connections.Select(c => c.Name).Concat(desired.Rules.Select(r => r.Connection)), ConfigurationNames.Comparer);
        foreach (AqueraConfigurationConnection connection in current.Connections.Where(c => !named.Contains(c.Name)))
        {
            changes.Add(new ConfigurationChange(ConfigurationAction.Delete, ConfigurationKind.Connection, connection.Name, null, connection));
        }
    }

    private static ConfigurationChange Change(ConfigurationKind kind, string name, object desired, object current, PropertyDiff diff, ConfigurationCredentialUse use) =>
        new(diff.Count > 0 ? ConfigurationAction.Update : ConfigurationAction.Unchanged, kind, name, desired, current)
        {
            Properties = diff.Changes,
            CredentialUse = use,
        };

    private static string MappingName(string rule, AqueraConfigurationMapping mapping) => rule + " / " + mapping.Target;
}

using System.Collections.Generic;

namespace AqueraProvisioning.Core;

/// <summary>
/// Names are identities, so a name used twice (connections, rules, a rule's mapping targets, populations or groups)
/// would make the document ambiguous. Each later use is reported with the item that used the name first.
/// </summary>
internal static class ConfigurationDuplicates
{
    public static void Check(AqueraConfiguration document, ConfigurationProblems problems)
    {
        var connections = new Dictionary<string, string>(ConfigurationNames.Comparer);
        for (int i = 0; i < document.Connections.Count; i++)
        {
            Claim(connections, document.Connections[i].Name, ConfigurationLocation.Connection(i, document.Connections[i].Name), ConfigurationKeys.Name, problems);
        }

        var rules = new Dictionary<string, string>(ConfigurationNames.Comparer);
        for (int i = 0; i < document.Rules.Count; i++)
        {
            AqueraConfigurationRule rule = document.Rules[i];
            string item = ConfigurationLocation.Rule(i, rule.Name);
            Claim(rules, rule.Name, item, ConfigurationKeys.Name, problems);
            ClaimEach(rule.Populations, item, ConfigurationKeys.Populations, problems);
            ClaimEach(rule.Groups, item, ConfigurationKeys.Groups, problems);
            var targets = new Dictionary<string, string>(ConfigurationNames.Comparer);
            for (int m = 0; m < rule.Mappings.Count; m++)
            {
                string target = rule.Mappings[m].Target;
                Claim(targets, target, ConfigurationLocation.Mapping(item, m, target), ConfigurationKeys.Target, problems);
            }
        }
    }

    private static void ClaimEach(IList<string> names, string item, string key, ConfigurationProblems problems)
    {
        var seen = new HashSet<string>(ConfigurationNames.Comparer);
        foreach (string name in names)
        {
            if (!seen.Add(name))
            {
                problems.Add(ConfigurationProblemKind.DuplicateName, item, key, "names '" + name + "' more than once.");
            }
        }
    }

    private static void Claim(Dictionary<string, string> seen, string name, string item, string key, ConfigurationProblems problems)
    {
        if (name.Length == 0)
        {
            return;
        }

        if (seen.TryGetValue(name, out string? first))
        {
            problems.Add(ConfigurationProblemKind.DuplicateName, item, key, "'" + name + "' is also used by " + first + " (names are not case-sensitive).");
        }
        else
        {
            seen.Add(name, item);
        }
    }
}

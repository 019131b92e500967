using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace AqueraProvisioning.Core;

/// <summary>
/// The checks that need the environment: every rule's connection is defined by the document or exists, and every
/// population and group a rule names exists. Run after reading and before planning, so nothing is sent for a
/// document that names what is not there.
/// </summary>
public static class ConfigurationReferences
{
    private const int NamesShown = 10;

    /// <summary>Every reference the environment cannot satisfy, in document order.</summary>
    /// <param name="document">The document.</param>
    /// <param name="environment">The names the environment has.</param>
    /// <param name="file">The file, for messages; null for none.</param>
    public static IReadOnlyList<ConfigurationProblem> Check(AqueraConfiguration document, ConfigurationEnvironmentNames environment, string? file = null)
    {
        if (document is null)
        {
            throw new ArgumentNullException(nameof(document));
        }

        if (environment is null)
        {
            throw new ArgumentNullException(nameof(environment));
        }

        var problems = new ConfigurationProblems(file);
        for (int i = 0; i < document.Rules.Count; i++)
        {
            AqueraConfigurationRule rule = document.Rules[i];
            string item = ConfigurationLocation.Rule(i, rule.Name);
            if (document.FindConnection(rule.Connection) is null && !environment.Connections.Contains(rule.Connection))
            {
                problems.Add(ConfigurationProblemKind.UnknownReference, item, ConfigurationKeys.Connection, "'" + rule.Connection + "' is neither a connection of this file nor one the environment has" + Known(environment.Connections));
            }

            foreach (string population in rule.Populations.Where(p => !environment.Populations.Contains(p)))
            {
                problems.Add(ConfigurationProblemKind.UnknownReference, item, ConfigurationKeys.Populations, "the environment has no population '" + population + "'" + Known(environment.Populations));
            }

            foreach (string group in rule.Groups.Where(g => !environment.Groups.Contains(g)))
            {
                problems.Add(ConfigurationProblemKind.UnknownReference, item, ConfigurationKeys.Groups, "the environment has no group '" + group + "'" + Known(environment.Groups));
            }
        }

        return problems.All;
    }

    /// <summary>Throws the problems <see cref="Check"/> finds, if any.</summary>
    /// <param name="document">The document.</param>
    /// <param name="environment">The names the environment has.</param>
    /// <param name="file">The file, for messages; null for none.</param>
    /// <exception cref="AqueraConfigurationException">Some references are unknown (<see cref="ErrorIds.InvalidConfigurationFile"/>).</exception>
    public static void Require(AqueraConfiguration document, ConfigurationEnvironmentNames environment, string? file = null)
    {
        IReadOnlyList<ConfigurationProblem> problems = Check(document, environment, file);
        if (problems.Count > 0)
        {
            throw AqueraConfigurationException.Invalid(file, problems);
        }
    }

    private static string Known(ICollection<string> names)
    {
        if (names.Count == 0)
        {
            return "; it has none.";
        }

        List<string> shown = names.OrderBy(n => n, ConfigurationNames.Order).Take(NamesShown).ToList();
        string more = names.Count > NamesShown ? string.Format(CultureInfo.InvariantCulture, " and {0} more", names.Count - NamesShown) : string.Empty;
        return "; it has " + string.Join(", ", shown.Select(n => "'" + n + "'")) + more + ".";
    }
}

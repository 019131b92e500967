using System;
using System.Linq;
using Xunit;
using static AqueraProvisioning.Core.Tests.Unit.Configuration.ConfigurationSamples;

namespace AqueraProvisioning.Core.Tests.Unit.Configuration;

public class ConfigurationReferencesTests
{
    private static ConfigurationEnvironmentNames Environment()
    {
        var names = new ConfigurationEnvironmentNames();
        names.Connections.Add("HR in the environment");
        names.Populations.UnionWith(new[] { "Default", "Contractors" });
        names.Groups.UnionWith(new[] { "Sales", "Engineering" });
        return names;
    }

    [Fact]
    public void A_rule_may_name_a_connection_of_the_file_or_of_the_environment_in_any_case()
    {
        AqueraConfiguration document = Document(Bearer("Workday"), Rule("A", "WORKDAY"), Rule("B", "hr IN THE environment"));

        Assert.Empty(ConfigurationReferences.Check(document, Environment()));
    }

    [Fact]
    public void Unknown_connections_populations_and_groups_are_each_reported_with_what_the_environment_has()
    {
        AqueraConfiguration document = Document(Bearer("Workday"), Rule("Sales", "Nowhere"));
        document.Rules[0].Populations.Add("Interns");
        document.Rules[0].Groups.Add("sales");
        document.Rules[0].Groups.Add("Finance");

        var ex = Assert.Throws<AqueraConfigurationException>(() => ConfigurationReferences.Require(document, Environment(), "prod.psd1"));

        Assert.Equal(ErrorIds.InvalidConfigurationFile, ex.ErrorId);
        Assert.Equal(
            new[]
            {
                "prod.psd1: Rules[0] 'Sales' Connection: 'Nowhere' is neither a connection of this file nor one the environment has; it has 'HR in the environment'.",
                "prod.psd1: Rules[0] 'Sales' Populations: the environment has no population 'Interns'; it has 'Contractors', 'Default'.",
                "prod.psd1: Rules[0] 'Sales' Groups: the environment has no group 'Finance'; it has 'Engineering', 'Sales'.",
            },
            ex.Problems.Select(p => p.ToString()));
        Assert.All(ex.Problems, p => Assert.Equal(ConfigurationProblemKind.UnknownReference, p.Kind));
    }

    [Fact]
    public void An_environment_with_many_names_shows_the_first_ten()
    {
        var names = new ConfigurationEnvironmentNames();
        names.Populations.UnionWith(Enumerable.Range(0, 25).Select(i => "P" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture)));
        AqueraConfiguration document = Document(Rule("R", "C"));
        names.Connections.Add("C");
        document.Rules[0].Groups.Clear();
        document.Rules[0].Populations.Clear();
        document.Rules[0].Populations.Add("Q");

        ConfigurationProblem problem = Assert.Single(ConfigurationReferences.Check(document, names));

        Assert.EndsWith("it has 'P00', 'P01', 'P02', 'P03', 'P04', 'P05', 'P06', 'P07', 'P08', 'P09' and 15 more.", problem.Message, StringComparison.Ordinal);
    }
}

using Xunit;

namespace AqueraProvisioning.Core.Tests.Unit;

public class NameSuggestionsTests
{
    [Fact]
    public void Typos_prefixes_and_contained_names_are_close_and_the_closest_come_first()
    {
        var names = new[] { "Sales", "Sales EMEA", "Salesforce Admins", "Engineering", "Finance", "Marketing" };

        Assert.Equal(new[] { "Sales", "Sales EMEA", "Salesforce Admins" }, NameSuggestions.Closest("sales", names, 5));
        Assert.Equal("Sales", NameSuggestions.Closest("Sals", names, 5)[0]);
        Assert.Equal(new[] { "Engineering" }, NameSuggestions.Closest("Enginering", names, 5));
        Assert.Empty(NameSuggestions.Closest("Payroll", names, 5));
    }

    [Fact]
    public void At_most_the_asked_number_of_names_come_back()
    {
        var names = new[] { "Team 1", "Team 2", "Team 3", "Team 4", "Team 5", "Team 6", "Team 7" };

        Assert.Equal(5, NameSuggestions.Closest("Team", names, 5).Count);
    }
}

using System;
using System.Linq;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Unit;

public class PopulationExpressionTests
{
    private const string A = "7a1d0c52-0000-4000-8000-000000000001";
    private const string B = "7a1d0c52-0000-4000-8000-000000000002";

    [Theory]
    [InlineData(new[] { A }, null, "population.id eq \"" + A + "\"")]
    [InlineData(new[] { A, B }, null, "population.id eq \"" + A + "\" or population.id eq \"" + B + "\"")]
    [InlineData(new string[0], "title sw \"Sales\"", "title sw \"Sales\"")]
    [InlineData(new[] { A }, "title sw \"Sales\" or title eq \"CEO\"", "(population.id eq \"" + A + "\") and (title sw \"Sales\" or title eq \"CEO\")")]
    public void Populations_are_ORed_and_a_filter_is_ANDed_and_the_parts_come_back_apart(string[] ids, string? filter, string expected)
    {
        string? built = PopulationExpression.Build(ids, filter);
        PopulationExpressionParts parts = PopulationExpression.Split(built);

        Assert.Equal(expected, built);
        Assert.Equal(ids, parts.PopulationIds);
        Assert.Equal(filter, parts.Filter);
    }

    [Fact]
    public void Neither_populations_nor_a_filter_is_no_expression()
    {
        Assert.Null(PopulationExpression.Build(Array.Empty<string>(), "  "));
        Assert.Empty(PopulationExpression.Split(null).PopulationIds);
        Assert.Null(PopulationExpression.Split("   ").Filter);
    }

    [Theory]
    [InlineData("(title eq \"CEO\") and (population.id eq \"" + A + "\")", new[] { A }, "title eq \"CEO\"")]
    [InlineData("((population.id eq \"" + A + "\"))", new[] { A }, null)]
    [InlineData("POPULATION.ID EQ \"" + A + "\" OR (population.id eq \"" + B + "\")", new[] { A, B }, null)]
    [InlineData("population.id eq \"" + A + "\" and title eq \"a and b\" and email ew \"@x.com\"", new[] { A }, "title eq \"a and b\" and email ew \"@x.com\"")]
    public void What_other_tools_wrote_is_read_tolerantly(string expression, string[] ids, string? filter)
    {
        PopulationExpressionParts parts = PopulationExpression.Split(expression);

        Assert.Equal(ids, parts.PopulationIds);
        Assert.Equal(filter, parts.Filter);
    }

    [Theory]
    [InlineData("population.id eq \"" + A + "\" or title eq \"CEO\"")]
    [InlineData("population.name eq \"Default\"")]
    [InlineData("not (population.id eq \"" + A + "\")")]
    [InlineData("memberOfGroups[id eq \"" + A + "\"]")]
    [InlineData("title eq \"population.id eq \\\"" + A + "\\\"\"")]
    public void Anything_not_recognisably_a_list_of_populations_stays_in_the_filter_word_for_word(string expression)
    {
        PopulationExpressionParts parts = PopulationExpression.Split(expression);

        Assert.Empty(parts.PopulationIds);
        Assert.Equal(expression, parts.Filter);
    }
}

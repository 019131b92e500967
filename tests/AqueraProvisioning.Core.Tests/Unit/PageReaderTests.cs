using System.Linq;
using System.Text;
using System.Text.Json;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Unit;

public class PageReaderTests
{
    private static readonly PingOneCollection<PropagationStore> s_halRules = new("propagation/rules", "rules", CoreJson.Default.ListPropagationStore);
    private static readonly PingOneCollection<PropagationStore> s_anyRules = new("propagation/rules", "rules", CoreJson.Default.ListPropagationStore, PageShapes.Any);

    private static (string[] Names, string? Next) Read(string json, PingOneCollection<PropagationStore> collection)
    {
        var (items, next) = PageReader.Read(Encoding.UTF8.GetBytes(json), collection);
        return (items.Select(i => i.Name!).ToArray(), next);
    }

    [Fact]
    public void The_items_come_from_the_collections_own_embedded_key_and_others_are_skipped()
    {
        var (names, next) = Read("""
            {"_links":{"self":{"href":"s"},"next":{"href":"n2"}},
             "_embedded":{"stores":[{"name":"not a rule"}],"rules":[{"name":"r1"},{"name":"r2"}],"other":{"x":[1,2]}},
             "count":2,"size":2}
            """, s_halRules);

        Assert.Equal(["r1", "r2"], names);
        Assert.Equal("n2", next);
    }

    [Fact]
    public void A_page_without_the_key_is_empty_and_the_last()
    {
        var (names, next) = Read("""{"_links":{"self":{"href":"s"}},"_embedded":{},"count":0}""", s_halRules);

        Assert.Empty(names);
        Assert.Null(next);
    }

    [Fact]
    public void Where_asked_an_items_object_and_a_bare_array_are_read_too_as_one_page()
    {
        Assert.Equal("a,b|", Describe("""{"items":[{"name":"a"},{"name":"b"}]}"""));
        Assert.Equal("c|", Describe("""[{"name":"c"}]"""));
        Assert.Equal("d|n", Describe("""{"_embedded":{"rules":[{"name":"d"}]},"_links":{"next":{"href":"n"}}}"""));

        static string Describe(string json)
        {
            var (names, next) = Read(json, s_anyRules);
            return string.Join(",", names) + "|" + next;
        }
    }

    [Fact]
    public void A_hal_only_collection_does_not_take_a_bare_array_or_items_for_a_page()
    {
        Assert.Throws<JsonException>(() => Read("""[{"name":"c"}]""", s_halRules));
        Assert.Empty(Read("""{"items":[{"name":"a"}]}""", s_halRules).Names);
    }

    [Theory]
    [InlineData("""{"_embedded":{"rules":[{"name":"a"}]}""")]
    [InlineData("""{"_embedded":{"rules":[{"name":"a"},""")]
    [InlineData("""{"_embedded":{"rules":[{"name":"a"}]},"_links":{"next":{"href":"n"}}""")]
    public void A_page_cut_short_is_not_taken_for_a_whole_one(string json)
    {
        Assert.ThrowsAny<JsonException>(() => Read(json, s_halRules));
    }
}

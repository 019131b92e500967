using System;
using System.Management.Automation;
using AqueraProvisioning.Core;
using AqueraProvisioning.Internal;
using Xunit;

namespace AqueraProvisioning.Cmdlets.Tests;

/// <summary>What the cmdlet layer makes of Core's failures: the ErrorId, the category and the advice a user reads.</summary>
public sealed class ErrorAdviceTests
{
    private static PingOneApiException NotFound(PingOneResourceKind kind, string path) =>
        new(404, "GET", new Uri("https://api.pingone.com/v1/environments/e/" + path), "NOT_FOUND", "Unable to find it", null, "corr-1", "txn-1", null, kind, "x-1");

    [Theory]
    [InlineData(PingOneResourceKind.Rule, "propagation/rules/x-1", "AqueraRuleNotFound", "propagation rule")]
    [InlineData(PingOneResourceKind.Mapping, "propagation/mappings/x-1", "AqueraMappingNotFound", "propagation mapping")]
    [InlineData(PingOneResourceKind.Plan, "propagation/plans/x-1", "AqueraPlanNotFound", "propagation plan")]
    [InlineData(PingOneResourceKind.User, "users/x-1", "AqueraUserNotFound", "user")]
    [InlineData(PingOneResourceKind.Population, "populations/x-1", "AqueraPopulationNotFound", "population")]
    [InlineData(PingOneResourceKind.Group, "groups/x-1", "AqueraGroupNotFound", "group")]
    public void A_404_for_another_kind_than_a_connection_is_named_for_that_kind_and_its_advice_too(PingOneResourceKind kind, string path, string errorId, string words)
    {
        ErrorRecord record = ErrorRecordFactory.Create(NotFound(kind, path), "x-1");

        Assert.Equal(errorId, record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, record.CategoryInfo.Category);
        Assert.Contains(words, record.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        Assert.DoesNotContain("connection", record.ErrorDetails.RecommendedAction, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Connection", record.FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    [Fact]
    public void A_404_for_a_store_stays_AqueraConnectionNotFound_and_points_at_the_connection_list()
    {
        ErrorRecord record = ErrorRecordFactory.Create(NotFound(PingOneResourceKind.Store, "propagation/stores/x-1"), "x-1");

        Assert.Equal("AqueraConnectionNotFound", record.FullyQualifiedErrorId);
        Assert.Contains("Get-AqueraConnection", record.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
    }
}

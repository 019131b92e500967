using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using AqueraProvisioning.Core.Tests.Support;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Unit;

/// <summary>One plan per environment, even when another client creates it between this module's read and its create.</summary>
public class PropagationPlansTests
{
    private const string PlanId = "9c2e4b6d-8f0a-4c1e-9b3d-5f7a9c1e3b5d";
    private const string Empty = "{\"_embedded\":{\"plans\":[]},\"_links\":{}}";
    private const string OnePlan = "{\"_embedded\":{\"plans\":[{\"id\":\"" + PlanId + "\",\"name\":\"Default Plan\",\"status\":\"INACTIVE\"}]},\"_links\":{}}";

    private readonly ScriptedHandler _handler = new();

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "INVALID_DATA")]
    [InlineData(HttpStatusCode.Conflict, "CONFLICT")]
    public async Task A_plan_created_meanwhile_by_someone_else_is_read_again_and_reused(HttpStatusCode status, string code)
    {
        _handler.Then(HttpStatusCode.OK, Empty)
            .Then(status, "{\"code\":\"" + code + "\",\"message\":\"The environment already has a propagation plan.\",\"details\":[{\"code\":\"INVALID_VALUE\",\"target\":\"environment\",\"message\":\"The environment already has a propagation plan.\"}]}")
            .Then(HttpStatusCode.OK, OnePlan);
        var plans = new PropagationPlans(ScriptedApi.Create(_handler));

        PropagationPlan plan = await plans.EnsureAsync(OperationContext.Silent(), CancellationToken.None);

        Assert.Equal(PlanId, plan.Id);
        Assert.Equal(new[] { HttpMethod.Get, HttpMethod.Post, HttpMethod.Get }, _handler.Seen.Select(s => s.Method));
    }

    [Fact]
    public async Task An_existing_plan_is_reused_without_a_create()
    {
        _handler.Then(HttpStatusCode.OK, OnePlan);
        var plans = new PropagationPlans(ScriptedApi.Create(_handler));

        PropagationPlan plan = await plans.EnsureAsync(OperationContext.Silent(), CancellationToken.None);

        Assert.Equal("Default Plan", plan.Name);
        Assert.Single(_handler.Seen);
    }

    [Fact]
    public async Task Another_refusal_of_the_create_is_not_taken_for_an_existing_plan()
    {
        _handler.Then(HttpStatusCode.OK, Empty)
            .Then(HttpStatusCode.BadRequest, "{\"code\":\"INVALID_DATA\",\"message\":\"Bad name\",\"details\":[{\"code\":\"INVALID_VALUE\",\"target\":\"name\",\"message\":\"Bad name\"}]}");
        var plans = new PropagationPlans(ScriptedApi.Create(_handler));

        var ex = await Assert.ThrowsAsync<PingOneApiException>(() => plans.EnsureAsync(OperationContext.Silent(), CancellationToken.None));

        Assert.Equal(400, ex.StatusCode);
        Assert.Equal(2, _handler.Seen.Count);
    }
}

using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using AqueraProvisioning.Core.Tests.Support;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Unit;

/// <summary>Rule and mapping creates whose answer is lost are settled by looking before anything is sent again.</summary>
public class RuleUnknownOutcomeTests
{
    private const string PlanId = "9c2e4b6d-8f0a-4c1e-9b3d-5f7a9c1e3b5d";
    private const string SourceId = "8b1d9a7c-2f0b-4f4e-9a53-0d6f5e0b7c22";
    private const string TargetId = "6a0c8b6e-1f2a-4b3c-8d4e-5f6a7b8c9d0e";
    private const string RuleId = "4c2a9e1b-7d3f-4b5a-9c8e-1f2a3b4c5d6e";
    private const string Unavailable = "{\"code\":\"SERVICE_UNAVAILABLE\",\"message\":\"down\"}";

    private readonly ScriptedHandler _handler = new();

    private static RetryOptions Quick() => new() { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(2) };

    private static PropagationRule Body() => new()
    {
        Plan = new ResourceReference { Id = PlanId },
        SourceStore = new ResourceReference { Id = SourceId },
        TargetStore = new ResourceReference { Id = TargetId },
        Name = "HR",
    };

    [Fact]
    public async Task A_rule_create_answered_503_that_went_through_is_found_by_name_and_stores_and_not_sent_again()
    {
        _handler.Then(HttpStatusCode.ServiceUnavailable, Unavailable)
            .Then(HttpStatusCode.OK, "{\"_embedded\":{\"rules\":[{\"id\":\"" + RuleId + "\",\"name\":\"hr\",\"sourceStore\":{\"id\":\"" + SourceId + "\"},\"targetStore\":{\"id\":\"" + TargetId + "\"}}]}}");
        var rules = new PropagationRules(ScriptedApi.Create(_handler, retry: Quick()));

        PropagationRule created = await rules.CreateAsync(Body(), OperationContext.Silent(), CancellationToken.None);

        Assert.Equal(RuleId, created.Id);
        Assert.Equal(new[] { HttpMethod.Post, HttpMethod.Get }, _handler.Seen.Select(s => s.Method));
        Assert.EndsWith("/propagation/plans/" + PlanId + "/rules", _handler.Urls[1].AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rule_create_answered_503_that_did_not_go_through_is_sent_again_once()
    {
        _handler.Then(HttpStatusCode.ServiceUnavailable, Unavailable)
            .Then(HttpStatusCode.OK, "{\"_embedded\":{\"rules\":[]}}")
            .Then(HttpStatusCode.Created, "{\"id\":\"" + RuleId + "\",\"name\":\"HR\"}");
        var rules = new PropagationRules(ScriptedApi.Create(_handler, retry: Quick()));

        PropagationRule created = await rules.CreateAsync(Body(), OperationContext.Silent(), CancellationToken.None);

        Assert.Equal(RuleId, created.Id);
        Assert.Equal(2, _handler.Seen.Count(s => s.Method == HttpMethod.Post));
    }

    [Fact]
    public async Task A_mapping_create_answered_503_that_went_through_is_found_by_its_target()
    {
        _handler.Then(HttpStatusCode.ServiceUnavailable, Unavailable)
            .Then(HttpStatusCode.OK, "{\"_embedded\":{\"mappings\":[{\"id\":\"" + PlanId + "\",\"targetAttribute\":\"USERNAME\",\"sourceAttribute\":\"username\"}]}}");
        var mappings = new PropagationMappings(ScriptedApi.Create(_handler, retry: Quick()));

        PropagationMapping created = await mappings.CreateAsync(RuleId, new PropagationMapping { TargetAttribute = "userName", SourceAttribute = "username" }, OperationContext.Silent(), CancellationToken.None);

        Assert.Equal(PlanId, created.Id);
        Assert.Single(_handler.Seen, s => s.Method == HttpMethod.Post);
    }
}

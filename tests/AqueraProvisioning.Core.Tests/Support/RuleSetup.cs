using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AqueraProvisioning.Sandbox;

namespace AqueraProvisioning.Core.Tests.Support;

/// <summary>What the rule tests start from: an Aquera connection (enabled unless asked) and drafts for the seeded directory.</summary>
internal static class RuleSetup
{
    public const string DefaultPopulationId = "7a1d0c52-0000-4000-8000-000000000001";
    public const string ContractorsPopulationId = "7a1d0c52-0000-4000-8000-000000000002";
    public const string SalesGroupId = "7a1d0c52-0000-4000-8000-000000000011";

    public static async Task<AqueraConnection> ConnectionAsync(PingOneSession session, SandboxFixture sandbox, string name = "HR", bool enabled = true, string? token = null, bool managed = false)
    {
        AqueraConnectionDraft draft = sandbox.BearerDraft(name, token);
        draft.Enabled = enabled;
        draft.AllowUpdate = true;
        draft.DeprovisionOnRuleDeletion = managed;
        return (await session.Connections.CreateAsync(draft, skipTest: true, force: false, OperationContext.Silent(), CancellationToken.None)).Connection;
    }

    public static AqueraRuleDraft Draft(string name, AqueraConnection connection, bool enabled = false, params string[] populations)
    {
        var draft = new AqueraRuleDraft(name) { ConnectionId = connection.Id, Enabled = enabled };
        foreach (string population in populations.Length == 0 ? new[] { "Default" } : populations)
        {
            draft.Populations.Add(population);
        }

        return draft;
    }

    public static async Task<AqueraProvisioningRule> CreateAsync(PingOneSession session, AqueraRuleDraft draft, OperationContext? context = null, bool force = false)
    {
        context ??= OperationContext.Silent();
        ProvisioningCatalog catalog = session.Rules.NewCatalog();
        PendingRuleCreate pending = await session.Rules.PrepareCreateAsync(catalog, draft, context, CancellationToken.None);
        return await session.Rules.CreateAsync(catalog, pending, force, context, CancellationToken.None);
    }

    /// <summary>A revision (which starts a full sync), then the engine idle.</summary>
    public static async Task SyncAsync(PingOneSession session, SandboxState state)
    {
        await session.CreateRevisionAsync(OperationContext.Silent(), CancellationToken.None);
        await state.Engine.WaitForIdleAsync();
    }

    /// <summary>The userNames the fake Aquera service holds, sorted.</summary>
    public static string[] ScimUserNames(SandboxState state) => state.Scim.AllUsers.Select(u => u.Name).OrderBy(n => n, System.StringComparer.Ordinal).ToArray();
}

using System.Linq;
using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// <c>POST /__sandbox/seed-console</c>: what an environment holds once the console has been used for provisioning —
/// the plan "Default Plan" and the store "PingOne Directory" (type <c>directory</c>). Existing ones are kept, so the
/// call can be repeated.
/// </summary>
internal static class ConsoleSeeder
{
    public const string PlanName = "Default Plan";
    public const string DirectoryStoreName = "PingOne Directory";

    public static (PlanRecord Plan, StoreRecord Store) Seed(SandboxState state)
    {
        var model = state.Propagation;
        return model.Locked(() =>
        {
            var now = IsoTime.Now();
            var plan = model.Plans.FindFirst(_ => true)
                ?? model.Plans.Add((id, sequence) => new PlanRecord(id, sequence, PlanName, StoreValidator.Inactive, null, now, now));
            var store = state.Stores.Snapshot().FirstOrDefault(s => s.Content.Type == StoreValidator.Directory && s.Content.Name == DirectoryStoreName)
                ?? state.Stores.Add(new StoreContent(DirectoryStoreName, null, StoreValidator.Directory, StoreValidator.Active, false, null, null));
            return (plan, store);
        });
    }

    public static JsonObject Render((PlanRecord Plan, StoreRecord Store) seeded) => new()
    {
        ["plan"] = new JsonObject { ["id"] = seeded.Plan.Id.ToString(), ["name"] = seeded.Plan.Name },
        ["store"] = new JsonObject { ["id"] = seeded.Store.Id.ToString(), ["name"] = seeded.Store.Content.Name },
    };
}

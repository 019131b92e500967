using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// <c>POST /__sandbox/seed</c>: many valid Aquera bearer stores at once, pointing at the sandbox's own SCIM
/// service, so the benchmark can list thousands without thousands of API calls.
/// </summary>
internal static class StoreSeeder
{
    public const int MaxCount = 100_000;

    public static IReadOnlyList<StoreRecord> Seed(SandboxState state, int count, string namePrefix, string status)
    {
        var configuration = JsonSerializer.SerializeToElement(new JsonObject
        {
            [AqueraConfigurationValidator.ScimUrl] = state.Info.ScimUrl,
            [AqueraConfigurationValidator.AuthenticationMethod] = AqueraConfigurationValidator.BearerToken,
            [AqueraConfigurationValidator.AccessToken] = state.Settings.ScimBearerToken,
            ["CREATE_USERS"] = true,
            ["UPDATE_USERS"] = true,
            ["DISABLE_USERS"] = true,
            ["REMOVE_ACTION"] = "Disable",
        });
        var width = count.ToString(CultureInfo.InvariantCulture).Length;
        var created = new List<StoreRecord>(count);
        for (var i = 1; i <= count; i++)
        {
            // Zero-padded numbers sort by name in the same order as by creation.
            var name = namePrefix + i.ToString("D" + width.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            var content = new StoreContent(name, null, StoreValidator.Aquera, status, false, null, configuration);
            created.Add(state.Stores.Add(content));
        }

        return created;
    }
}

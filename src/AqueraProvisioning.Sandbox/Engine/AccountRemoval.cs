using System;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// Deprovisioning one account by the store's <c>REMOVE_ACTION</c>: <c>Delete</c> sends <c>DELETE /Users/{id}</c>,
/// <c>Disable</c> reads the account and PUTs it back with <c>active: false</c>. An account already gone counts as
/// deprovisioned.
/// </summary>
internal sealed class AccountRemoval(ScimSession scim, ConnectionPreferences preferences, EngineLedger ledger, Guid storeId)
{
    public async Task<UserResult> RemoveAsync(Guid userId, ScimLink link)
    {
        var path = "Users/" + Uri.EscapeDataString(link.ScimId);
        if (preferences.RemoveByDelete)
        {
            var deleted = await scim.SendAsync(HttpMethod.Delete, path);
            if (!deleted.Succeeded && deleted.Status != 404)
            {
                return UserResult.ScimFailed(deleted.Failure);
            }

            ledger.SetLink(storeId, userId, null);
            return UserResult.Deprovisioned("The account was deleted in the SCIM service (REMOVE_ACTION Delete).");
        }

        var read = await scim.SendAsync(HttpMethod.Get, path);
        if (read.Status == 404)
        {
            ledger.SetLink(storeId, userId, null);
            return UserResult.Deprovisioned("The account was already gone from the SCIM service.");
        }

        if (!read.Succeeded || read.Body is not JsonObject current)
        {
            return UserResult.ScimFailed(read.Failure ?? "the SCIM service answered the read without a user");
        }

        if (ScimJson.IsActive(current))
        {
            var next = ScimJson.Writable(current);
            ScimJson.SetActive(next, false);
            var replaced = await scim.SendAsync(HttpMethod.Put, path, next);
            if (!replaced.Succeeded)
            {
                return UserResult.ScimFailed(replaced.Failure);
            }
        }

        ledger.SetLink(storeId, userId, link with { Deprovisioned = true });
        return UserResult.Deprovisioned("The account was disabled (active: false) in the SCIM service (REMOVE_ACTION Disable).");
    }
}

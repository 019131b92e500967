using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// One PingOne user in one store's SCIM service, over standard SCIM 2.0 and never PATCH: find the account (the
/// engine's link, else <c>userName eq</c>), then create it (<c>POST /Users</c>, when CREATE_USERS), or overlay the
/// mapped attributes on what the service holds and <c>PUT</c> it when something differs (UPDATE_USERS; a disabled
/// PingOne user becomes <c>active: false</c> when DISABLE_USERS).
/// </summary>
internal sealed class UserSync(ScimSession scim, ConnectionPreferences preferences, EngineLedger ledger, Guid storeId)
{
    public async Task<UserResult> SyncAsync(Guid ruleId, MappingSet mappings, DirectoryUser user, JsonObject view)
    {
        var desired = new JsonObject();
        mappings.Apply(view, desired, clearAbsent: false);
        if (JsonText.Of(AttributePath.Get(desired, "userName", out _)) is not { Length: > 0 } userName)
        {
            return UserResult.Failed("MAPPING_ERROR", "No mapping gives the SCIM userName, so the account can be neither found nor created.");
        }

        var (current, failure) = await FindAsync(user.Id, userName);
        if (failure is not null)
        {
            return UserResult.ScimFailed(failure);
        }

        return current is null
            ? await CreateAsync(ruleId, mappings, user, desired, userName)
            : await UpdateAsync(ruleId, mappings, user, view, current, userName);
    }

    private async Task<(JsonObject? Current, string? Failure)> FindAsync(Guid userId, string userName)
    {
        if (ledger.Link(storeId, userId) is { } link)
        {
            var read = await scim.SendAsync(HttpMethod.Get, "Users/" + Uri.EscapeDataString(link.ScimId));
            if (read.Succeeded && read.Body is JsonObject found)
            {
                return (found, null);
            }

            if (read.Status != 404)
            {
                return (null, read.Failure);
            }

            // Deleted in the service behind the engine's back: look it up by name as if it were new.
            ledger.SetLink(storeId, userId, null);
        }

        var search = await scim.SendAsync(HttpMethod.Get, "Users?" + ScimSession.EqualsFilter("userName", userName));
        if (!search.Succeeded)
        {
            return (null, search.Failure);
        }

        if (ScimJson.Id(ScimJson.FirstResource(search.Body)) is not { } id)
        {
            return (null, null);
        }

        // A list may return fewer attributes than the resource has; the update overlays the whole resource.
        var adopted = await scim.SendAsync(HttpMethod.Get, "Users/" + Uri.EscapeDataString(id));
        return adopted.Succeeded && adopted.Body is JsonObject whole ? (whole, null) : (null, adopted.Failure ?? "the SCIM service answered the read without a user");
    }

    private async Task<UserResult> CreateAsync(Guid ruleId, MappingSet mappings, DirectoryUser user, JsonObject desired, string userName)
    {
        if (!user.Enabled)
        {
            return UserResult.Unsynced("USER_DISABLED", "The user is disabled in PingOne; disabled users are not created.");
        }

        if (!preferences.CreateUsers)
        {
            return UserResult.Unsynced("CREATE_NOT_ALLOWED", "The connection does not allow users to be created.");
        }

        var body = new JsonObject { ["schemas"] = new JsonArray(ScimResourceKind.UserSchema) };
        foreach (var extension in mappings.Extensions)
        {
            ScimJson.EnsureSchema(body, extension);
        }

        foreach (var (key, value) in desired)
        {
            body[key] = value?.DeepClone();
        }

        ScimJson.SetActive(body, true);
        var created = await scim.SendAsync(HttpMethod.Post, "Users", body);
        if (!created.Succeeded)
        {
            return UserResult.ScimFailed(created.Failure);
        }

        if (ScimJson.Id(created.Body) is not { } id)
        {
            return UserResult.ScimFailed("the SCIM service answered the create without the new user's id");
        }

        ledger.SetLink(storeId, user.Id, new ScimLink(id, userName, ruleId));
        return UserResult.Success;
    }

    private async Task<UserResult> UpdateAsync(Guid ruleId, MappingSet mappings, DirectoryUser user, JsonObject view, JsonObject current, string userName)
    {
        var id = ScimJson.Id(current)!;
        var held = ScimJson.Writable(current);
        var next = (JsonObject)held.DeepClone();
        var withMappings = (JsonObject)held.DeepClone();
        mappings.Apply(view, withMappings, clearAbsent: true);
        foreach (var extension in mappings.Extensions)
        {
            ScimJson.EnsureSchema(withMappings, extension);
        }

        var partial = new List<SyncDetail>();
        if (preferences.UpdateUsers)
        {
            next = withMappings;
        }
        else if (!JsonNode.DeepEquals(withMappings, held))
        {
            partial.Add(new SyncDetail("UPDATE_NOT_ALLOWED", "The connection does not allow users to be updated."));
        }

        if (ScimJson.IsActive(held) != user.Enabled)
        {
            if (user.Enabled ? preferences.UpdateUsers : preferences.DisableUsers)
            {
                ScimJson.SetActive(next, user.Enabled);
            }
            else
            {
                partial.Add(user.Enabled
                    ? new SyncDetail("UPDATE_NOT_ALLOWED", "The connection does not allow users to be updated, so the account stays disabled.")
                    : new SyncDetail("DISABLE_NOT_ALLOWED", "The connection does not allow users to be disabled."));
            }
        }

        if (!JsonNode.DeepEquals(next, held))
        {
            var replaced = await scim.SendAsync(HttpMethod.Put, "Users/" + Uri.EscapeDataString(id), next);
            if (!replaced.Succeeded)
            {
                return UserResult.ScimFailed(replaced.Failure);
            }
        }

        ledger.SetLink(storeId, user.Id, new ScimLink(id, userName, ruleId));
        return partial.Count == 0 ? UserResult.Success : new UserResult(SyncStatuses.Partial, partial);
    }
}

using System;
using System.Collections.Generic;
using System.Text.Json;

namespace AqueraProvisioning.Core;

/// <summary>
/// Builds request bodies: a new store from a draft, or a saved store with changes applied. Only the keys that a
/// change names are touched; everything else, unknown keys and returned secrets included, goes back as it came.
/// </summary>
internal static class StoreWriter
{
    public static PropagationStore FromDraft(AqueraConnectionDraft draft, bool enabled)
    {
        var config = new Dictionary<string, JsonElement>(StringComparer.Ordinal)
        {
            [AqueraKeys.ScimUrl] = Json(draft.ScimUrl.OriginalString),
            [AqueraKeys.CreateUsers] = Json(draft.AllowCreate),
            [AqueraKeys.UpdateUsers] = Json(draft.AllowUpdate),
            [AqueraKeys.DisableUsers] = Json(draft.AllowDisable),
            [AqueraKeys.RemoveAction] = Json(AqueraKeys.ToWire(draft.RemoveAction)),
        };
        if (draft.GroupNameSource is AqueraGroupNameSource source)
        {
            config[AqueraKeys.GroupNameSource] = Json(AqueraKeys.ToWire(source));
        }

        ApplyCredential(config, draft.Credential);
        return new PropagationStore
        {
            Type = AqueraKeys.StoreType,
            Name = draft.Name,
            Description = string.IsNullOrEmpty(draft.Description) ? null : draft.Description,
            Status = enabled ? AqueraKeys.StatusActive : AqueraKeys.StatusInactive,
            Managed = draft.DeprovisionOnRuleDeletion,
            Configuration = config,
        };
    }

    /// <summary>The saved store with the changes applied, as a PUT body.</summary>
    public static PropagationStore Apply(PropagationStore saved, AqueraConnectionChanges changes)
    {
        PropagationStore body = saved.ToReplacement();
        Dictionary<string, JsonElement> config = body.Configuration ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (changes.Name != null)
        {
            body.Name = changes.Name;
        }

        if (changes.Description != null)
        {
            body.Description = changes.Description.Length == 0 ? null : changes.Description;
        }

        if (changes.ScimUrl != null)
        {
            config[AqueraKeys.ScimUrl] = Json(changes.ScimUrl.OriginalString);
        }

        if (changes.State is AqueraConnectionState state)
        {
            body.Status = AqueraKeys.ToWire(state);
        }

        SetFlag(config, AqueraKeys.CreateUsers, "createNewUsers", changes.AllowCreate);
        SetFlag(config, AqueraKeys.UpdateUsers, "updateNewUsers", changes.AllowUpdate);
        SetFlag(config, AqueraKeys.DisableUsers, "disableNewUsers", changes.AllowDisable);
        if (changes.RemoveAction is AqueraRemoveAction action)
        {
            config[AqueraKeys.RemoveAction] = Json(AqueraKeys.ToWire(action));
        }

        if (changes.GroupNameSource is AqueraGroupNameSource source)
        {
            config[AqueraKeys.GroupNameSource] = Json(AqueraKeys.ToWire(source));
        }

        if (changes.DeprovisionOnRuleDeletion is bool managed)
        {
            body.Managed = managed;
        }

        if (changes.Credential != null)
        {
            ApplyCredential(config, changes.Credential);
        }

        return body;
    }

    /// <summary>True when the PUT body would change nothing the service holds.</summary>
    public static bool IsUnchanged(PropagationStore saved, PropagationStore body) =>
        WireEquality.Same(saved.ToReplacement(), body, CoreJson.Default.PropagationStore);

    private static void SetFlag(Dictionary<string, JsonElement> config, string key, string deprecatedAlias, bool? value)
    {
        if (value is bool flag)
        {
            config[key] = Json(flag);

            // A deprecated alias left with the old value would contradict the new one.
            if (config.ContainsKey(deprecatedAlias))
            {
                config[deprecatedAlias] = Json(flag);
            }
        }
    }

    private static void ApplyCredential(Dictionary<string, JsonElement> config, AqueraCredential credential)
    {
        config[AqueraKeys.AuthenticationMethod] = Json(AqueraKeys.ToWire(credential.Method));
        if (credential.Method == AqueraAuthenticationMethod.BearerToken)
        {
            config[AqueraKeys.AccessToken] = Json(SecretText.Reveal(credential.Secret));
            config.Remove(AqueraKeys.BasicAuthUser);
            config.Remove(AqueraKeys.BasicAuthPassword);
        }
        else
        {
            config[AqueraKeys.BasicAuthUser] = Json(credential.UserName ?? string.Empty);
            config[AqueraKeys.BasicAuthPassword] = Json(SecretText.Reveal(credential.Secret));
            config.Remove(AqueraKeys.AccessToken);
        }
    }

    private static JsonElement Json(string value) => JsonSerializer.SerializeToElement(value, CoreJson.Default.String);

    private static JsonElement Json(bool value) => JsonSerializer.SerializeToElement(value, CoreJson.Default.Boolean);
}

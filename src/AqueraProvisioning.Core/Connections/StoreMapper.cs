using System;
using System.Collections.Generic;
using System.Text.Json;

namespace AqueraProvisioning.Core;

/// <summary>Reads the console's view of a connection out of a wire store.</summary>
internal static class StoreMapper
{
    public static bool IsAquera(PropagationStore store) => string.Equals(store.Type, AqueraKeys.StoreType, StringComparison.Ordinal);

    public static AqueraConnection ToConnection(PropagationStore store, string environmentId)
    {
        Dictionary<string, JsonElement> config = store.Configuration ?? new Dictionary<string, JsonElement>();
        return new AqueraConnection
        {
            Id = store.Id ?? string.Empty,
            EnvironmentId = store.Environment?.Id ?? environmentId,
            Name = store.Name ?? string.Empty,
            Description = store.Description,
            ScimUrl = Uri.TryCreate(ReadString(config, AqueraKeys.ScimUrl), UriKind.Absolute, out Uri? url) ? url : null,
            AuthenticationMethod = AuthenticationOf(config),
            Enabled = string.Equals(store.Status, AqueraKeys.StatusActive, StringComparison.OrdinalIgnoreCase),
            AllowCreate = ReadBool(config, AqueraKeys.CreateUsers, "createNewUsers"),
            AllowUpdate = ReadBool(config, AqueraKeys.UpdateUsers, "updateNewUsers"),
            AllowDisable = ReadBool(config, AqueraKeys.DisableUsers, "disableNewUsers"),
            RemoveAction = AqueraKeys.RemoveActionFromWire(ReadString(config, AqueraKeys.RemoveAction)),
            DeprovisionOnRuleDeletion = store.Managed == true,
            GroupNameSource = AqueraKeys.GroupNameSourceFromWire(ReadString(config, AqueraKeys.GroupNameSource)),
            SyncState = store.SyncStatus?.SyncState,
            LastSyncAt = store.SyncStatus?.LastSyncAt,
            SuccessCount = store.SyncStatus?.SuccessCount,
            FailedCount = store.SyncStatus?.FailedCount,
            FailedDeprovisionCount = store.SyncStatus?.FailedDeprovisionCount,
            UserTotal = store.SyncStatus?.UserTotal,
            SyncDetails = string.IsNullOrEmpty(store.SyncStatus?.Details) ? null : Redactor.RedactText(store.SyncStatus!.Details),
            CreatedAt = store.CreatedAt,
            UpdatedAt = store.UpdatedAt,
        };
    }

    public static string? ReadString(IReadOnlyDictionary<string, JsonElement> config, string key) =>
        config.TryGetValue(key, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The authentication method a store's configuration names.</summary>
    public static AqueraAuthenticationMethod? AuthenticationOf(IReadOnlyDictionary<string, JsonElement> config) =>
        AqueraKeys.AuthenticationFromWire(ReadString(config, AqueraKeys.AuthenticationMethod));

    /// <summary>The key of the store's own secret: the Basic password, or the bearer token.</summary>
    public static string SecretKeyOf(PropagationStore store) =>
        AuthenticationOf(store.Configuration ?? new Dictionary<string, JsonElement>()) == AqueraAuthenticationMethod.BasicAuth
            ? AqueraKeys.BasicAuthPassword
            : AqueraKeys.AccessToken;

    /// <summary>True when PingOne returned the store's own secret.</summary>
    public static bool ReturnsSecret(PropagationStore store) =>
        HasSecret(store.Configuration ?? new Dictionary<string, JsonElement>(), SecretKeyOf(store));

    /// <summary>The store's own secret as PingOne returned it; empty when it did not.</summary>
    public static string StoredSecret(PropagationStore store) =>
        ReadString(store.Configuration ?? new Dictionary<string, JsonElement>(), SecretKeyOf(store)) ?? string.Empty;

    public static bool HasSecret(IReadOnlyDictionary<string, JsonElement> config, string key) =>
        !string.IsNullOrEmpty(ReadString(config, key));

    private static bool ReadBool(IReadOnlyDictionary<string, JsonElement> config, string key, string deprecatedAlias)
    {
        if (TryReadBool(config, key, out bool value) || TryReadBool(config, deprecatedAlias, out value))
        {
            return value;
        }

        return false;
    }

    private static bool TryReadBool(IReadOnlyDictionary<string, JsonElement> config, string key, out bool value)
    {
        value = false;
        if (!config.TryGetValue(key, out JsonElement element))
        {
            return false;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.True:
                value = true;
                return true;
            case JsonValueKind.False:
                return true;
            case JsonValueKind.String:
                return bool.TryParse(element.GetString(), out value);
            default:
                return false;
        }
    }
}

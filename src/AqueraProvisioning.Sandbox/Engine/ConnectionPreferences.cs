namespace AqueraProvisioning.Sandbox;

/// <summary>
/// An Aquera store's preferences as the engine obeys them. An absent flag is false (the module reads it the same
/// way); the deprecated aliases count when the current key is absent. An absent <c>REMOVE_ACTION</c> is
/// <c>Disable</c>, the action that loses nothing.
/// </summary>
internal sealed record ConnectionPreferences(bool CreateUsers, bool UpdateUsers, bool DisableUsers, bool RemoveByDelete)
{
    public static ConnectionPreferences Of(StoreContent store) => new(
        Flag(store, "CREATE_USERS", "createNewUsers"),
        Flag(store, "UPDATE_USERS", "updateNewUsers"),
        Flag(store, "DISABLE_USERS", "disableNewUsers"),
        store.ConfigurationString("REMOVE_ACTION") == "Delete");

    public string RemoveAction => RemoveByDelete ? "Delete" : "Disable";

    private static bool Flag(StoreContent store, string key, string alias) =>
        ConfigurationFlag(store, key) ?? ConfigurationFlag(store, alias) ?? false;

    private static bool? ConfigurationFlag(StoreContent store, string key) =>
        store.Configuration is { ValueKind: System.Text.Json.JsonValueKind.Object } configuration
        && configuration.TryGetProperty(key, out var value)
        && value.ValueKind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False
            ? value.ValueKind == System.Text.Json.JsonValueKind.True
            : null;
}

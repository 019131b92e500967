using System;
using System.Collections.Generic;
using System.Text.Json;

namespace AqueraProvisioning.Core;

/// <summary>
/// What a direct probe of a connection uses after PingOne's test failed: its SCIM URL and the credentials that
/// were given, else the stored ones when PingOne returned them, else none (the probe then stops before
/// authentication).
/// </summary>
public sealed class ScimProbeTarget
{
    private ScimProbeTarget(string scimUrl, AqueraCredential? credential)
    {
        ScimUrl = scimUrl;
        Credential = credential;
    }

    /// <summary>The SCIM URL to probe.</summary>
    public string ScimUrl { get; }

    /// <summary>The credentials to probe with, or null.</summary>
    public AqueraCredential? Credential { get; }

    /// <summary>A URL and credentials as given.</summary>
    /// <param name="scimUrl">The SCIM URL.</param>
    /// <param name="credential">The credentials, or null.</param>
    public static ScimProbeTarget Of(string scimUrl, AqueraCredential? credential) => new ScimProbeTarget(scimUrl ?? string.Empty, credential);

    /// <summary>A connection that is about to be created.</summary>
    /// <param name="draft">The proposed connection.</param>
    public static ScimProbeTarget For(AqueraConnectionDraft draft) =>
        Of((draft ?? throw new ArgumentNullException(nameof(draft))).ScimUrl.OriginalString, draft.Credential);

    /// <summary>A saved connection with the changes of a prepared update applied.</summary>
    /// <param name="pending">The prepared update.</param>
    public static ScimProbeTarget For(PendingUpdate pending) =>
        For((pending ?? throw new ArgumentNullException(nameof(pending))).Saved, pending.Changes.ScimUrl, pending.Changes.Credential);

    internal static ScimProbeTarget For(PropagationStore saved, Uri? newUrl, AqueraCredential? given)
    {
        Dictionary<string, JsonElement> config = saved.Configuration ?? new Dictionary<string, JsonElement>();
        string url = newUrl?.OriginalString ?? StoreMapper.ReadString(config, AqueraKeys.ScimUrl) ?? string.Empty;
        return new ScimProbeTarget(url, given ?? Stored(saved, config));
    }

    // The secret is already text in the store PingOne returned; it becomes a SecureString like any given one.
    private static AqueraCredential? Stored(PropagationStore saved, Dictionary<string, JsonElement> config)
    {
        string secret = StoreMapper.StoredSecret(saved);
        string? user = StoreMapper.ReadString(config, AqueraKeys.BasicAuthUser);
        return StoreMapper.AuthenticationOf(config) switch
        {
            AqueraAuthenticationMethod.BearerToken when !string.IsNullOrWhiteSpace(secret) => AqueraCredential.Bearer(SecretText.Conceal(secret)),
            AqueraAuthenticationMethod.BasicAuth when !string.IsNullOrWhiteSpace(user) && !string.IsNullOrWhiteSpace(secret) => AqueraCredential.Basic(user!, SecretText.Conceal(secret)),
            _ => null,
        };
    }
}

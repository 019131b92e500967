using Microsoft.AspNetCore.Http;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// Aquera accepts Basic or Bearer; both credentials come from the settings so a test can rotate them and prove
/// a connection check notices.
/// </summary>
internal static class ScimAuthentication
{
    public static bool IsAuthorized(HttpRequest request, SandboxSettings settings)
    {
        if (AuthorizationHeader.TryGetBearer(request, out var token))
        {
            return SecretComparer.AreEqual(token, settings.ScimBearerToken);
        }

        return AuthorizationHeader.TryGetBasic(request, out var user, out var password)
            && SecretComparer.AreEqual(user, settings.ScimUser)
            && SecretComparer.AreEqual(password, settings.ScimPassword);
    }
}

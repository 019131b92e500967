using System.Management.Automation;
using System.Security;
using AqueraProvisioning.Core;

namespace AqueraProvisioning.Internal;

/// <summary>Turns -BearerToken / -Credential into an Aquera credential, refusing both at once.</summary>
internal static class CredentialInput
{
    public static AqueraCredential? From(SecureString? bearerToken, PSCredential? credential)
    {
        bool hasCredential = credential != null && credential != PSCredential.Empty;
        if (bearerToken != null && hasCredential)
        {
            throw new AqueraValidationException(
                ErrorIds.ConflictingParameters,
                "Both a bearer token and Basic Auth credentials were given; a connection uses one of them.",
                "Credential",
                AqueraInputProblem.Conflicting);
        }

        if (bearerToken != null)
        {
            return AqueraCredential.Bearer(bearerToken);
        }

        return hasCredential ? AqueraCredential.Basic(credential!.UserName, credential.Password) : null;
    }
}

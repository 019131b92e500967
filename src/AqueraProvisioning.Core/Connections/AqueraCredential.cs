using System;
using System.Security;

namespace AqueraProvisioning.Core;

/// <summary>
/// The credentials PingOne uses to reach Aquera: a bearer token, or a Basic user and password. The secret stays a
/// <see cref="SecureString"/> until the request body is built.
/// </summary>
public sealed class AqueraCredential
{
    private AqueraCredential(AqueraAuthenticationMethod method, string? userName, SecureString secret)
    {
        Method = method;
        UserName = userName;
        Secret = secret;
    }

    /// <summary>Basic Auth or Bearer Token.</summary>
    public AqueraAuthenticationMethod Method { get; }

    /// <summary>The Basic Auth user; null for a bearer token.</summary>
    public string? UserName { get; }

    /// <summary>The password or token.</summary>
    internal SecureString Secret { get; }

    /// <summary>A bearer-token credential.</summary>
    /// <param name="token">The Aquera bearer token.</param>
    /// <exception cref="AqueraValidationException">The token is empty.</exception>
    public static AqueraCredential Bearer(SecureString token)
    {
        if (SecretText.IsBlank(token))
        {
            throw new AqueraValidationException(ErrorIds.InvalidCredential, "The bearer token is empty.", "BearerToken", AqueraInputProblem.Empty);
        }

        return new AqueraCredential(AqueraAuthenticationMethod.BearerToken, null, token);
    }

    /// <summary>A Basic Auth credential.</summary>
    /// <param name="userName">The Aquera app user.</param>
    /// <param name="password">The Aquera app password.</param>
    /// <exception cref="AqueraValidationException">The user or password is empty.</exception>
    public static AqueraCredential Basic(string userName, SecureString password)
    {
        if (string.IsNullOrWhiteSpace(userName))
        {
            throw new AqueraValidationException(ErrorIds.InvalidCredential, "The Basic Auth user name is empty.", "Credential", AqueraInputProblem.Empty);
        }

        if (SecretText.IsBlank(password))
        {
            throw new AqueraValidationException(ErrorIds.InvalidCredential, "The Basic Auth password is empty.", "Credential", AqueraInputProblem.Empty);
        }

        return new AqueraCredential(AqueraAuthenticationMethod.BasicAuth, userName.Trim(), password ?? throw new ArgumentNullException(nameof(password)));
    }
}

namespace AqueraProvisioning.Core;

/// <summary>How the worker application authenticates at the token endpoint (its <c>tokenEndpointAuthMethod</c>).</summary>
public enum ClientAuthenticationMethod
{
    /// <summary><c>client_secret_basic</c>: HTTP Basic with the client id and secret (PingOne's default).</summary>
    ClientSecretBasic,

    /// <summary><c>client_secret_post</c>: client id and secret in the form body.</summary>
    ClientSecretPost,
}

namespace AqueraProvisioning.Core;

/// <summary>How PingOne authenticates to Aquera (<c>AUTHENTICATION_METHOD</c>).</summary>
public enum AqueraAuthenticationMethod
{
    /// <summary><c>Basic Auth</c>: user name and password.</summary>
    BasicAuth,

    /// <summary><c>OAuth Bearer Token</c>: the console's "Bearer Token".</summary>
    BearerToken,
}

/// <summary>What happens in Aquera when a user is deprovisioned (<c>REMOVE_ACTION</c>).</summary>
public enum AqueraRemoveAction
{
    /// <summary>Disable the user in the target.</summary>
    Disable,

    /// <summary>Delete the user from the target.</summary>
    Delete,
}

/// <summary>Which group name PingOne sends (<c>GROUP_NAME_SOURCE</c>).</summary>
public enum AqueraGroupNameSource
{
    /// <summary><c>Common Name</c>.</summary>
    CommonName,

    /// <summary><c>Distinguished Name</c>.</summary>
    DistinguishedName,
}

/// <summary>The console's enable toggle (store <c>status</c> ACTIVE / INACTIVE).</summary>
public enum AqueraConnectionState
{
    /// <summary>ACTIVE: the connection can be used by enabled rules.</summary>
    Enabled,

    /// <summary>INACTIVE.</summary>
    Disabled,
}

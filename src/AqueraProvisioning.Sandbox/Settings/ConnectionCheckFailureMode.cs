namespace AqueraProvisioning.Sandbox;

/// <summary>How a failed connection check is answered; PingOne does not document it, so both shapes are emulated.</summary>
public enum ConnectionCheckFailureMode
{
    /// <summary>400 with a PingOne error body (code <c>INVALID_DATA</c>, detail code <c>CONNECTION_FAILED</c>).</summary>
    Error,

    /// <summary>200 with <c>{"status":"FAILURE", ...}</c>.</summary>
    Body,
}

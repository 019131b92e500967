namespace AqueraProvisioning.Sandbox;

/// <summary>
/// How a failed connection check is answered. PingOne does not document it (API Q1), so every plausible shape is
/// emulated; each carries the reason ("Connection test failed: 401 Unauthorized: invalid credentials").
/// </summary>
public enum ConnectionCheckFailureMode
{
    /// <summary>400 with a PingOne error body (code <c>INVALID_DATA</c>, detail code <c>CONNECTION_FAILED</c>).</summary>
    Error,

    /// <summary>200 with <c>{"status":"FAILURE","message","details":[{"message"}]}</c>.</summary>
    Body,

    /// <summary>200 with <c>{"status":"FAILED","message"}</c>.</summary>
    Failed,

    /// <summary>200 with <c>{"success":false,"message"}</c>.</summary>
    SuccessFalse,

    /// <summary>200 with a nested error object: <c>{"error":{"code":"CONNECTION_FAILED","message","details":[...]}}</c>.</summary>
    NestedError,

    /// <summary>200 with <c>{"errors":[{"code":"CONNECTION_FAILED","message"}]}</c>.</summary>
    Errors,

    /// <summary>422 with a PingOne error body (code <c>UNPROCESSABLE_ENTITY</c>, detail code <c>CONNECTION_FAILED</c>).</summary>
    Unprocessable,

    /// <summary>200 with only <c>{"message"}</c>: words, but no signal a client can rely on.</summary>
    Unexplained,
}

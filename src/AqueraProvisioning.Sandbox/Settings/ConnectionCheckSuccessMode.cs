namespace AqueraProvisioning.Sandbox;

/// <summary>How a passed connection check is answered; the docs show only "200 OK" (API Q1).</summary>
public enum ConnectionCheckSuccessMode
{
    /// <summary>200 with <c>{"status":"SUCCESS","message"}</c>.</summary>
    Status,

    /// <summary>200 with no body at all.</summary>
    Empty,

    /// <summary>204 No Content.</summary>
    NoContent,

    /// <summary>200 with <c>{"success":true,"message"}</c>.</summary>
    SuccessTrue,

    /// <summary>200 with <c>{"result":"PASSED","message"}</c>.</summary>
    Result,
}

using System;
using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// One /v1 or token request as the sandbox saw it. Bodies and header values are never kept, so the log can be
/// printed by a failing test without leaking a secret.
/// </summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Request path, without the query.</param>
/// <param name="Query">Raw query string without the leading <c>?</c>; empty when there is none.</param>
/// <param name="Status">Response status; 499 when the client went away before the answer.</param>
/// <param name="ContentType">The request's Content-Type header, if any.</param>
/// <param name="TransactionId">The request's <c>X-Ping-External-Transaction-ID</c> header, if any.</param>
/// <param name="HasAuthorization">Whether an Authorization header was sent (its value is never recorded).</param>
/// <param name="Timestamp">When the request arrived (UTC).</param>
public sealed record RequestLogEntry(
    string Method,
    string Path,
    string Query,
    int Status,
    string? ContentType,
    string? TransactionId,
    bool HasAuthorization,
    DateTimeOffset Timestamp)
{
    /// <summary>True for the methods that change state (POST, PUT, PATCH, DELETE).</summary>
    public bool IsStateChanging => Method is "POST" or "PUT" or "PATCH" or "DELETE";

    internal JsonObject ToJson() => new()
    {
        ["method"] = Method,
        ["path"] = Path,
        ["query"] = Query,
        ["status"] = Status,
        ["contentType"] = ContentType,
        ["transactionId"] = TransactionId,
        ["hasAuthorization"] = HasAuthorization,
        ["timestamp"] = IsoTime.Format(Timestamp),
    };
}

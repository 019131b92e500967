using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace AqueraProvisioning.Core;

/// <summary>
/// A PingOne request that failed: the HTTP status, PingOne's <c>code</c>, <c>message</c> and <c>details[]</c>,
/// the <c>Correlation-Id</c> response header and the transaction id this module sent. Every text in it has been
/// through the redactor.
/// </summary>
public sealed class PingOneApiException : AqueraException
{
    private string? _message;

    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status (0 when no response arrived).</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="url">The request URL.</param>
    /// <param name="code">PingOne's error code, if any.</param>
    /// <param name="apiMessage">PingOne's message, if any.</param>
    /// <param name="details">PingOne's details, if any.</param>
    /// <param name="correlationId">The Correlation-Id response header.</param>
    /// <param name="transactionId">The X-Ping-External-Transaction-ID this module sent.</param>
    /// <param name="innerException">The transport failure, if that was the cause.</param>
    /// <param name="resourceKind">What the request addressed; a 404 names it.</param>
    /// <param name="resourceId">The id of what the request addressed, if any.</param>
    public PingOneApiException(
        int statusCode,
        string method,
        Uri url,
        string? code,
        string? apiMessage,
        IReadOnlyList<PingOneErrorDetail>? details,
        string? correlationId,
        string? transactionId,
        Exception? innerException = null,
        PingOneResourceKind resourceKind = PingOneResourceKind.Resource,
        string? resourceId = null)
        : base(string.Empty, innerException)
    {
        ResourceKind = resourceKind;
        ResourceId = resourceId;
        StatusCode = statusCode;
        Method = method;
        RequestUrl = url;
        Code = code;
        ApiMessage = apiMessage is null ? null : Redactor.RedactText(apiMessage);
        Details = details ?? Array.Empty<PingOneErrorDetail>();
        CorrelationId = correlationId;
        TransactionId = transactionId;
    }

    /// <summary>Method, path, status, PingOne's code, message and details, redacted; for a 404 first what was not found.</summary>
    public override string Message => _message ??= Compose();

    /// <summary>The HTTP status; 0 when the request never got an answer.</summary>
    public int StatusCode { get; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The request URL (PingOne URLs carry no secrets).</summary>
    public Uri RequestUrl { get; }

    /// <summary>PingOne's error code, for example <c>INVALID_DATA</c>.</summary>
    public string? Code { get; }

    /// <summary>PingOne's error message.</summary>
    public string? ApiMessage { get; }

    /// <summary>PingOne's field-level details.</summary>
    public IReadOnlyList<PingOneErrorDetail> Details { get; }

    /// <summary>The Correlation-Id response header, to quote to Ping support.</summary>
    public string? CorrelationId { get; }

    /// <summary>The X-Ping-External-Transaction-ID header this module sent.</summary>
    public string? TransactionId { get; }

    /// <summary>What the request addressed (for a collection, what owns it): the kind a 404 reports as not found.</summary>
    public PingOneResourceKind ResourceKind { get; }

    /// <summary>The id of what the request addressed, if it had one.</summary>
    public string? ResourceId { get; }

    /// <summary>True for a 404: PingOne has no <see cref="ResourceKind"/> with <see cref="ResourceId"/>.</summary>
    public bool IsNotFound => StatusCode == 404;

    /// <summary>
    /// True when PingOne (or whatever answered in its place) said success but the body could not be read or was not
    /// what the request expects: cut short, an HTML page, not JSON, JSON of another shape.
    /// </summary>
    public bool IsInvalidResponse { get; private set; }

    /// <summary>The response's media type, such as <c>application/json</c> or <c>text/html</c>; null without a response or a type.</summary>
    public string? ContentType { get; internal set; }

    /// <summary>True when the failure came from the token endpoint: the worker credentials are wrong or not allowed.</summary>
    public bool IsTokenRequest { get; internal set; }

    /// <summary>True when the request may have been carried out although no success came back (5xx, timeout, reset).</summary>
    public bool OutcomeUnknown => StatusCode == 0 || StatusCode >= 500 || StatusCode == 408;

    /// <summary>
    /// The wait PingOne asked for with Retry-After when it was more than the request's retry time budget had left,
    /// so the request was not retried; null otherwise.
    /// </summary>
    public TimeSpan? RetryAfter { get; private set; }

    /// <summary>What was left of the request's retry time budget when <see cref="RetryAfter"/> was refused.</summary>
    public TimeSpan? RetryBudgetLeft { get; private set; }

    /// <summary>The stable ErrorId for this failure.</summary>
    public override string ErrorId => IsInvalidResponse ? ErrorIds.InvalidResponse : StatusCode switch
    {
        0 when Code == "TIMEOUT" => ErrorIds.Timeout,
        0 => ErrorIds.ServiceUnavailable,
        400 or 401 when IsTokenRequest => ErrorIds.AuthenticationFailed,
        400 => ErrorIds.InvalidRequest,
        401 => ErrorIds.Unauthorized,
        403 => ErrorIds.PermissionDenied,
        404 => PingOneResourceKinds.NotFoundErrorId(ResourceKind),
        408 => ErrorIds.Timeout,
        409 => ErrorIds.Conflict,
        429 => ErrorIds.Throttled,
        >= 500 => ErrorIds.ServiceUnavailable,
        _ => ErrorIds.ApiError,
    };

    /// <summary>True when PingOne names one of the given configuration keys as missing or invalid.</summary>
    /// <param name="targets">Field targets such as <c>configuration.ACCESS_TOKEN</c>.</param>
    public bool HasDetailFor(params string[] targets) =>
        Details.Any(d => d.Target != null && targets.Any(t => string.Equals(t, d.Target, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Records that PingOne asked for a wait of <paramref name="asked"/>, more than the <paramref name="left"/> left of the budget.</summary>
    internal void RetryAfterRefused(TimeSpan asked, TimeSpan left)
    {
        RetryAfter = asked;
        RetryBudgetLeft = left < TimeSpan.Zero ? TimeSpan.Zero : left;
        _message = null;
    }

    /// <summary>A successful status whose body could not be used; <paramref name="problem"/> says why ("it is an HTML page titled 'x', not JSON").</summary>
    internal static PingOneApiException InvalidResponse(int status, string method, Uri url, string problem, string? contentType, string? correlationId, string? transactionId, Exception? inner, PingOneResourceKind kind, string? id) =>
        new PingOneApiException(status, method, url, "INVALID_RESPONSE", problem, null, correlationId, transactionId, inner, kind, id) { IsInvalidResponse = true, ContentType = contentType };

    private string Compose()
    {
        if (IsInvalidResponse)
        {
            return Redactor.RedactText(string.Format(CultureInfo.InvariantCulture, "{0} {1} answered {2}, but {3}", Method, RequestUrl.AbsolutePath, StatusCode, ApiMessage));
        }

        var text = new StringBuilder();
        if (StatusCode == 404)
        {
            text.Append("PingOne has no ").Append(PingOneResourceKinds.Describe(ResourceKind))
                .Append(string.IsNullOrEmpty(ResourceId) ? string.Empty : " with id " + ResourceId).Append(": ");
        }

        text.Append(StatusCode == 0
            ? string.Format(CultureInfo.InvariantCulture, "{0} {1} got no response", Method, RequestUrl.AbsolutePath)
            : string.Format(CultureInfo.InvariantCulture, "{0} {1} failed with {2}", Method, RequestUrl.AbsolutePath, StatusCode));
        if (!string.IsNullOrEmpty(Code))
        {
            text.Append(" (").Append(Code).Append(')');
        }

        if (!string.IsNullOrEmpty(ApiMessage))
        {
            text.Append(": ").Append(ApiMessage);
        }

        if (Details.Count > 0)
        {
            text.Append(" [").Append(string.Join("; ", Details.Select(d => d.ToString()))).Append(']');
        }

        if (RetryAfter is TimeSpan asked)
        {
            text.Append(text[text.Length - 1] == '.' ? " " : ". ").Append(string.Format(
                CultureInfo.InvariantCulture,
                "PingOne asked to wait {0:0} s before trying again (Retry-After), more than the {1:0} s left of the request's retry time budget, so it was not retried",
                Math.Ceiling(asked.TotalSeconds),
                Math.Floor(RetryBudgetLeft?.TotalSeconds ?? 0)));
        }

        return Redactor.RedactText(text.ToString());
    }
}

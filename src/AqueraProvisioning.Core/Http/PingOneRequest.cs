using System;
using System.Net.Http;
using System.Net.Http.Headers;

namespace AqueraProvisioning.Core;

/// <summary>Whether a failed attempt may be sent again as it is.</summary>
internal enum RetryMode
{
    /// <summary>Idempotent, or harmless to repeat: retry 408, 429, 5xx and transport failures.</summary>
    Safe,

    /// <summary>A create: only 429 (never processed) is retried; an unknown outcome goes back to the caller to resolve.</summary>
    OnlyWhenNotProcessed,
}

/// <summary>
/// One logical request. The body is built per attempt, so a secret is in plain text only while it is sent. Most go
/// to PingOne; an <see cref="External"/> one (the SCIM probe's) goes to another service.
/// </summary>
internal sealed class PingOneRequest
{
    public PingOneRequest(HttpMethod method, Uri url)
    {
        Method = method;
        Url = url;
    }

    /// <summary>A request for what <paramref name="kind"/> and <paramref name="resourceId"/> name, so a 404 says what was not found.</summary>
    public PingOneRequest(HttpMethod method, Uri url, PingOneResourceKind kind, string? resourceId)
        : this(method, url)
    {
        ResourceKind = kind;
        ResourceId = resourceId;
    }

    public HttpMethod Method { get; }

    public Uri Url { get; }

    /// <summary>Builds the body text; called once per attempt.</summary>
    public Func<string>? Body { get; set; }

    public string MediaType { get; set; } = "application/json";

    /// <summary>
    /// The <c>charset</c> parameter sent with <see cref="MediaType"/>; null sends the media type bare, as a service
    /// that compares the whole header with one documented value (the connection check's) needs it.
    /// </summary>
    public string? Charset { get; set; } = "utf-8";

    /// <summary>False for the token request itself.</summary>
    public bool Authenticated { get; set; } = true;

    /// <summary>Sets client_secret_basic on the token request; built per attempt like the body.</summary>
    public Func<string>? BasicAuthorization { get; set; }

    public RetryMode RetryMode { get; set; } = RetryMode.Safe;

    /// <summary>True for the token endpoint, whose failures mean the worker credentials are wrong.</summary>
    public bool IsTokenRequest { get; set; }

    /// <summary>What the URL addresses, so that a 404 names it; for a collection, the thing that owns it.</summary>
    public PingOneResourceKind ResourceKind { get; set; }

    /// <summary>The id of what the URL addresses, when there is one.</summary>
    public string? ResourceId { get; set; }

    /// <summary>The media type asked for in <c>Accept</c>.</summary>
    public string Accept { get; set; } = "application/json";

    /// <summary>
    /// True for a request to a service other than PingOne: it carries neither the session's token nor the
    /// transaction id, and only <see cref="Authorization"/> authenticates it.
    /// </summary>
    public bool IsExternal { get; private set; }

    /// <summary>The Authorization header of an external request, built per attempt; null sends none.</summary>
    public Func<AuthenticationHeaderValue>? Authorization { get; private set; }

    /// <summary>A request to another service, sent once by <see cref="HttpPipeline.SendOnceAsync"/>.</summary>
    public static PingOneRequest External(Uri url, string accept, Func<AuthenticationHeaderValue>? authorization) =>
        new PingOneRequest(HttpMethod.Get, url)
        {
            Accept = accept,
            Authenticated = false,
            IsExternal = true,
            Authorization = authorization,
        };
}

using System;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// One run's calls to one store's SCIM service. After a failure that every later call would repeat (no answer,
/// wrong credentials, not a SCIM service) it stops calling and answers each later call with that failure, so a
/// run with wrong credentials costs one request, not one per user.
/// </summary>
internal sealed class ScimSession
{
    private readonly ScimClient client;
    private readonly ScimConnection? connection;
    private readonly TimeSpan timeout;
    private readonly CancellationToken cancellationToken;

    public ScimSession(ScimClient client, StoreContent store, TimeSpan timeout, CancellationToken cancellationToken)
    {
        this.client = client;
        this.timeout = timeout;
        this.cancellationToken = cancellationToken;
        connection = ScimConnection.For(store);
        if (connection is null)
        {
            FatalFailure = "the connection's SCIM_URL is not an absolute http or https URL";
        }
    }

    /// <summary>The failure that stopped this session, or null while it still calls.</summary>
    public string? FatalFailure { get; private set; }

    public async Task<ScimReply> SendAsync(HttpMethod method, string relative, JsonObject? body = null)
    {
        if (FatalFailure is not null || connection is null)
        {
            return new ScimReply(0, null, FatalFailure);
        }

        var reply = await client.SendAsync(connection, method, relative, body, timeout, cancellationToken);

        // A 404 on the Users collection itself (not on one user) means there is no SCIM service at SCIM_URL.
        if (reply.IsFatal || (reply.Status == 404 && relative.Split('?')[0] == "Users"))
        {
            FatalFailure = reply.Failure;
        }

        return reply;
    }

    /// <summary>A filter value as a SCIM string literal inside a query, for <c>userName eq "..."</c>.</summary>
    public static string EqualsFilter(string attribute, string value) =>
        "filter=" + Uri.EscapeDataString($"{attribute} eq \"{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
}

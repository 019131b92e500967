using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Sandbox.Tests;

/// <summary>
/// A small SCIM 2.0 Users service that is not the sandbox's, written the way other servers legitimately differ:
/// ids are short numbers, answers are <c>application/json</c>, ListResponses carry no <c>itemsPerPage</c>, resources
/// carry no <c>meta</c>, there is no <c>/Groups</c> (404) and every request needs one bearer token. It proves the
/// engine's SCIM client follows RFC 7644 rather than the sandbox's own fake service. Made careless (an echo status),
/// it answers every request with that status and a SCIM error whose detail repeats the credentials it was sent.
/// </summary>
internal sealed class MinimalScimServer : IDisposable
{
    public const string Token = "minimal-server-token";

    private readonly HttpListener listener = new();
    private readonly Dictionary<string, JsonObject> users = [];
    private readonly Lock gate = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task serving;
    private readonly int? echoStatus;
    private int nextId;

    /// <param name="echoStatus">When set, the status of every answer, whose detail echoes the Authorization header.</param>
    public MinimalScimServer(int? echoStatus = null)
    {
        this.echoStatus = echoStatus;
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}/scim";
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    public string Url { get; }

    /// <summary>Every request as "METHOD /path", in order.</summary>
    public List<string> Requests { get; } = [];

    public JsonObject[] Users
    {
        get
        {
            lock (gate)
            {
                return [.. users.Values.Select(user => (JsonObject)user.DeepClone())];
            }
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        listener.Close();
        try
        {
            serving.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // The listener throws when it is closed under a pending accept.
        }

        stop.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await AnswerAsync(context);
            }
            finally
            {
                context.Response.Close();
            }
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url!.AbsolutePath["/scim".Length..];
        lock (gate)
        {
            Requests.Add($"{request.HttpMethod} {path}");
        }

        if (echoStatus is { } echo)
        {
            await WriteAsync(context, echo, Error(echo, "Refused " + Echo(request.Headers["Authorization"] ?? string.Empty)));
            return;
        }

        if (request.Headers["Authorization"] != "Bearer " + Token)
        {
            await WriteAsync(context, 401, Error(401, "Bad token"));
            return;
        }

        var body = request.HasEntityBody ? JsonNode.Parse(await new System.IO.StreamReader(request.InputStream).ReadToEndAsync()) as JsonObject : null;
        var segments = path.Trim('/').Split('/');
        lock (gate)
        {
            var (status, answer) = (request.HttpMethod, segments) switch
            {
                ("GET", ["Users"]) => (200, List(request.QueryString["filter"])),
                ("POST", ["Users"]) => Create(body!),
                ("GET", ["Users", var id]) => users.TryGetValue(id, out var user) ? (200, user) : (404, Error(404, "No such user")),
                ("PUT", ["Users", var id]) when users.ContainsKey(id) => Replace(id, body!),
                ("DELETE", ["Users", var id]) => users.Remove(id) ? (204, null) : (404, Error(404, "No such user")),
                _ => (404, Error(404, "Not found")),
            };
            context.Response.StatusCode = status;
            if (answer is not null)
            {
                var bytes = Encoding.UTF8.GetBytes(answer.ToJsonString());
                context.Response.ContentType = "application/json; charset=utf-8";
                context.Response.OutputStream.Write(bytes);
            }
        }
    }

    private JsonObject List(string? filter)
    {
        var matches = users.Values.Where(user => filter is null
            || filter.Equals($"userName eq \"{user["userName"]}\"", StringComparison.OrdinalIgnoreCase)).ToArray();
        return new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:api:messages:2.0:ListResponse"),
            ["totalResults"] = matches.Length,
            ["Resources"] = new JsonArray([.. matches.Select(user => (JsonNode?)user.DeepClone())]),
        };
    }

    private (int, JsonObject?) Create(JsonObject body)
    {
        var id = (++nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        body["id"] = id;
        users[id] = body;
        return (201, body);
    }

    private (int, JsonObject?) Replace(string id, JsonObject body)
    {
        body["id"] = id;
        users[id] = body;
        return (200, body);
    }

    // The header as sent and, for Basic, what it decodes to and the password alone: every form a careless service
    // might log back.
    private static string Echo(string authorization)
    {
        if (!authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization;
        }

        var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..]));
        return $"{authorization} as {pair}, password {pair[(pair.IndexOf(':', StringComparison.Ordinal) + 1)..]}";
    }

    private static JsonObject Error(int status, string detail) => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:api:messages:2.0:Error"),
        ["status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["detail"] = detail,
    };

    private static Task WriteAsync(HttpListenerContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        return context.Response.OutputStream.WriteAsync(bytes, 0, bytes.Length);
    }
}

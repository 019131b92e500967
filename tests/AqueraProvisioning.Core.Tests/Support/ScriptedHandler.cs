using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core.Tests.Support;

/// <summary>
/// An HTTP handler that answers from a script, one entry per request, and records what it was sent. It lets the
/// pipeline be driven through statuses the sandbox has no knob for (408, 500, 502, 504, 403, 409).
/// </summary>
internal sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, HttpResponseMessage>> _script = new();
    private readonly ConcurrentQueue<(HttpMethod Method, string? Authorization, string? Transaction)> _seen = new();

    private readonly ConcurrentQueue<Uri> _urls = new();

    public IReadOnlyCollection<(HttpMethod Method, string? Authorization, string? Transaction)> Seen => _seen.ToArray();

    /// <summary>The URLs requested, in order.</summary>
    public IReadOnlyList<Uri> Urls => _urls.ToArray();

    public ScriptedHandler Then(HttpStatusCode status, string? json = null, Action<HttpResponseMessage>? headers = null)
    {
        _script.Enqueue(_ =>
        {
            var response = new HttpResponseMessage(status);
            if (json != null)
            {
                response.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
            }

            headers?.Invoke(response);
            return response;
        });
        return this;
    }

    public ScriptedHandler ThenFail(Exception failure)
    {
        _script.Enqueue(_ => throw failure);
        return this;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _urls.Enqueue(request.RequestUri!);
        _seen.Enqueue((request.Method, request.Headers.Authorization?.ToString(), request.Headers.TryGetValues("X-Ping-External-Transaction-ID", out var values) ? string.Join(",", values) : null));
        if (!_script.TryDequeue(out var next))
        {
            throw new InvalidOperationException("The script has no answer for request " + _seen.Count + ".");
        }

        return Task.FromResult(next(request));
    }
}

/// <summary>A token source that hands out numbered tokens and records invalidations.</summary>
internal sealed class CountingTokens : IAccessTokenSource
{
    private int _issued;
    private string? _current;

    public int Issued => _issued;

    public List<string> Invalidated { get; } = new();

    public Task<string> GetTokenAsync(OperationContext context, CancellationToken cancellationToken)
    {
        _current ??= "token-" + Interlocked.Increment(ref _issued);
        return Task.FromResult(_current);
    }

    public void Invalidate(string token)
    {
        Invalidated.Add(token);
        if (_current == token)
        {
            _current = null;
        }
    }
}

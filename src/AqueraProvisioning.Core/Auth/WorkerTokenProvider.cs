using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Security;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core;

/// <summary>
/// The worker application's access token (client_credentials), cached and renewed before it runs out. Renewal is
/// single-flight: parallel requests in one session wait for one token request instead of each sending their own.
/// </summary>
internal sealed class WorkerTokenProvider : IAccessTokenSource, IDisposable
{
    // Renew this long before expiry, or at 90% of a short lifetime, so a request never leaves with a dying token.
    private static readonly TimeSpan s_renewalMargin = TimeSpan.FromMinutes(5);

    private readonly HttpPipeline _pipeline;
    private readonly Uri _tokenUrl;
    private readonly string _environmentId;
    private readonly string _clientId;
    private readonly SecureString _clientSecret;
    private readonly ClientAuthenticationMethod _method;
    private readonly Func<DateTimeOffset> _clock;
    private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
    private volatile CachedToken? _current;

    public WorkerTokenProvider(HttpPipeline pipeline, Uri authBaseUrl, string environmentId, string clientId, SecureString clientSecret, ClientAuthenticationMethod method, Func<DateTimeOffset>? clock = null)
    {
        _pipeline = pipeline;
        _environmentId = environmentId;
        _tokenUrl = new Uri(authBaseUrl, environmentId + "/as/token");
        _clientId = clientId;
        _clientSecret = clientSecret;
        _method = method;
        _clock = clock ?? (() => DateTimeOffset.UtcNow);
    }

    /// <summary>When the cached token expires; null before the first token.</summary>
    public DateTimeOffset? ExpiresAt => _current?.ExpiresAt;

    /// <summary>How many tokens this provider has fetched.</summary>
    public int TokensFetched => _tokensFetched;

    private int _tokensFetched;

    public async Task<string> GetTokenAsync(OperationContext context, CancellationToken cancellationToken)
    {
        CachedToken? token = _current;
        if (token != null && _clock() < token.RenewAt)
        {
            return token.Value;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            token = _current;
            if (token != null && _clock() < token.RenewAt)
            {
                return token.Value;
            }

            token = await FetchAsync(context, cancellationToken).ConfigureAwait(false);
            _current = token;
            return token.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate(string token)
    {
        CachedToken? current = _current;
        if (current != null && string.Equals(current.Value, token, StringComparison.Ordinal))
        {
            Interlocked.CompareExchange(ref _current, null, current);
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<CachedToken> FetchAsync(OperationContext context, CancellationToken cancellationToken)
    {
        // A 404 here means the token endpoint has no such environment (or it is in another region).
        var request = new PingOneRequest(HttpMethod.Post, _tokenUrl, PingOneResourceKind.Environment, _environmentId)
        {
            Authenticated = false,
            IsTokenRequest = true,
            MediaType = "application/x-www-form-urlencoded",
            Body = BuildForm,
        };
        if (_method == ClientAuthenticationMethod.ClientSecretBasic)
        {
            request.BasicAuthorization = BuildBasic;
        }

        DateTimeOffset requestedAt = _clock();
        context.Log.Verbose("Requesting a worker access token for client " + _clientId + ".");
        using HttpResponseMessage response = await _pipeline.SendAsync(request, null, context, cancellationToken).ConfigureAwait(false);
        TokenResponse? body = await ResponseReader.ReadJsonAsync(response, request, CoreJson.Default.TokenResponse, context, _pipeline.Retry.RequestTimeout, cancellationToken).ConfigureAwait(false);
        if (body?.AccessToken is not { Length: > 0 } accessToken)
        {
            throw PingOneErrors.InvalidResponse(response, request, context, "it holds no access token", null);
        }

        Interlocked.Increment(ref _tokensFetched);
        // PingOne's worker tokens live an hour; only a missing expires_in falls back to that. Zero means "renew next time".
        TimeSpan lifetime = TimeSpan.FromSeconds(body.ExpiresIn is int seconds ? Math.Max(0, seconds) : 3600);
        TimeSpan margin = lifetime.TotalSeconds * 0.1 < s_renewalMargin.TotalSeconds ? TimeSpan.FromTicks(lifetime.Ticks / 10) : s_renewalMargin;
        context.Log.Verbose(string.Format(CultureInfo.InvariantCulture, "Got an access token valid for {0:0} s.", lifetime.TotalSeconds));
        return new CachedToken(accessToken, requestedAt + lifetime, requestedAt + lifetime - margin);
    }

    private string BuildForm()
    {
        var fields = new List<KeyValuePair<string, string>> { new KeyValuePair<string, string>("grant_type", "client_credentials") };
        if (_method == ClientAuthenticationMethod.ClientSecretPost)
        {
            fields.Add(new KeyValuePair<string, string>("client_id", _clientId));
            fields.Add(new KeyValuePair<string, string>("client_secret", SecretText.Reveal(_clientSecret)));
        }

        var text = new StringBuilder();
        foreach (KeyValuePair<string, string> field in fields)
        {
            if (text.Length > 0)
            {
                text.Append('&');
            }

            text.Append(WebUtility.UrlEncode(field.Key)).Append('=').Append(WebUtility.UrlEncode(field.Value));
        }

        return text.ToString();
    }

    private string BuildBasic()
    {
        // RFC 6749 2.3.1: id and secret are form-url-encoded before they are joined and base64-encoded.
        string pair = WebUtility.UrlEncode(_clientId) + ":" + WebUtility.UrlEncode(SecretText.Reveal(_clientSecret));
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(pair));
    }

    private sealed class CachedToken
    {
        public CachedToken(string value, DateTimeOffset expiresAt, DateTimeOffset renewAt)
        {
            Value = value;
            ExpiresAt = expiresAt;
            RenewAt = renewAt;
        }

        public string Value { get; }

        public DateTimeOffset ExpiresAt { get; }

        public DateTimeOffset RenewAt { get; }
    }
}

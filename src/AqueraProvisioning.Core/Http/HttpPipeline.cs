using System;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core;

/// <summary>
/// The one path every request takes: transaction id, bearer token (renewed once on a 401), per-attempt timeout,
/// retries with Retry-After and backoff, one redacted Verbose line per call and per retry, and PingOne error bodies
/// turned into <see cref="PingOneApiException"/>.
/// </summary>
internal sealed class HttpPipeline
{
    public const string TransactionHeader = "X-Ping-External-Transaction-ID";

    private readonly HttpClient _client;
    private readonly RetryOptions _retry;
    private readonly Func<DateTimeOffset> _clock;

    public HttpPipeline(HttpClient client, RetryOptions retry, Func<DateTimeOffset>? clock = null)
    {
        _client = client;
        _retry = retry;
        _clock = clock ?? (() => DateTimeOffset.UtcNow);
    }

    public RetryOptions Retry => _retry;

    /// <summary>Sends the request and returns a successful response; the caller disposes it.</summary>
    public async Task<HttpResponseMessage> SendAsync(PingOneRequest request, IAccessTokenSource? tokens, OperationContext context, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        bool renewedToken = false;
        int attempt = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            attempt++;
            string? token = request.Authenticated && tokens != null
                ? await tokens.GetTokenAsync(context, cancellationToken).ConfigureAwait(false)
                : null;

            var watch = Stopwatch.StartNew();
            (HttpResponseMessage? response, Exception? transportFailure) = await AttemptAsync(request, token, _retry.RequestTimeout, context, cancellationToken).ConfigureAwait(false);

            if (response != null)
            {
                LogAnswer(request, response, watch, context);
                if (response.IsSuccessStatusCode)
                {
                    return response;
                }

                if (response.StatusCode == HttpStatusCode.Unauthorized && token != null && tokens != null && !renewedToken)
                {
                    // A token can expire or be revoked between our check and the server's; renew once, transparently.
                    renewedToken = true;
                    tokens.Invalidate(token);
                    attempt--;
                    context.Log.Verbose("The access token was refused; getting a new one and repeating the request once.");
                    response.Dispose();
                    continue;
                }

                int status = (int)response.StatusCode;
                bool retryable = IsRetryable(status) && (request.RetryMode == RetryMode.Safe || status == 429);
                TimeSpan? wait = retryable ? NextWait(response, attempt, total.Elapsed) : null;
                TimeSpan? tooLong = retryable && attempt < _retry.MaxAttempts ? RetryAfterBeyondBudget(response, total.Elapsed) : null;
                if (wait is null || tooLong != null)
                {
                    using (response)
                    {
                        PingOneApiException refusal = await PingOneErrors.FromResponseAsync(response, request, context, _retry.RequestTimeout, cancellationToken).ConfigureAwait(false);
                        if (tooLong is TimeSpan asked)
                        {
                            // Waiting longer than the budget allows would end in the same failure, only later and silently.
                            refusal.RetryAfterRefused(asked, _retry.MaxRetryDuration - total.Elapsed);
                        }

                        throw refusal;
                    }
                }

                LogRetry(context, attempt, wait.Value, status + " " + response.ReasonPhrase);
                response.Dispose();
                await Task.Delay(wait.Value, cancellationToken).ConfigureAwait(false);
                continue;
            }

            Exception failure = transportFailure!;
            LogNoAnswer(request, failure, watch, context);
            TimeSpan? backoff = request.RetryMode == RetryMode.Safe ? NextWait(null, attempt, total.Elapsed) : null;
            if (backoff is null)
            {
                throw PingOneErrors.FromTransportFailure(failure, request, context);
            }

            LogRetry(context, attempt, backoff.Value, Redactor.RedactText(failure.Message));
            await Task.Delay(backoff.Value, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends an <see cref="PingOneRequest.External"/> request once, with no retry and no PingOne error mapping, and
    /// returns whatever answered (a redirect too: the client never follows one); the caller disposes it. A transport
    /// failure is thrown as it came (<see cref="HttpRequestException"/>, or <see cref="TimeoutException"/> after
    /// <paramref name="timeout"/>).
    /// </summary>
    public async Task<HttpResponseMessage> SendOnceAsync(PingOneRequest request, TimeSpan timeout, OperationContext context, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        (HttpResponseMessage? response, Exception? transportFailure) = await AttemptAsync(request, null, timeout, context, cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            LogNoAnswer(request, transportFailure!, watch, context);
            throw transportFailure!;
        }

        LogAnswer(request, response, watch, context);
        return response;
    }

    private async Task<(HttpResponseMessage? Response, Exception? TransportFailure)> AttemptAsync(
        PingOneRequest request, string? token, TimeSpan timeout, OperationContext context, CancellationToken cancellationToken)
    {
        using var attemptCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using HttpRequestMessage message = Build(request, token, context);
        attemptCancellation.CancelAfter(timeout);
        try
        {
            // Only the headers: the body is read afterwards, bounded by size and time (ResponseReader), never buffered
            // whole by the client first.
            return (await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, attemptCancellation.Token).ConfigureAwait(false), null);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, new TimeoutException(string.Format(CultureInfo.InvariantCulture, "No answer within {0:0.#} s.", timeout.TotalSeconds), ex));
        }
        catch (HttpRequestException ex)
        {
            return (null, ex);
        }
    }

    private static void LogAnswer(PingOneRequest request, HttpResponseMessage response, Stopwatch watch, OperationContext context)
    {
        if (context.WantsVerbose)
        {
            context.Log.Verbose(string.Format(
                CultureInfo.InvariantCulture,
                "{0} {1} -> {2} {3} ({4} ms) [transaction {5}]",
                request.Method,
                Redactor.RedactUrl(request.Url.ToString()),
                (int)response.StatusCode,
                response.ReasonPhrase,
                watch.ElapsedMilliseconds,
                context.TransactionId));
        }
    }

    private static void LogNoAnswer(PingOneRequest request, Exception transportFailure, Stopwatch watch, OperationContext context) =>
        context.Log.Verbose(string.Format(
            CultureInfo.InvariantCulture,
            "{0} {1} -> no response: {2} ({3} ms) [transaction {4}]",
            request.Method,
            Redactor.RedactUrl(request.Url.ToString()),
            Redactor.RedactText(transportFailure.Message),
            watch.ElapsedMilliseconds,
            context.TransactionId));

    private static bool IsRetryable(int status) => status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;

    private static void LogRetry(OperationContext context, int attempt, TimeSpan wait, string reason) =>
        context.Log.Verbose(string.Format(
            CultureInfo.InvariantCulture,
            "Retrying after {0} (attempt {1} failed); waiting {2:0.###} s. [transaction {3}]",
            reason,
            attempt,
            wait.TotalSeconds,
            context.TransactionId));

    /// <summary>The wait Retry-After asks for when it is longer than what is left of the request's time budget.</summary>
    private TimeSpan? RetryAfterBeyondBudget(HttpResponseMessage response, TimeSpan elapsed)
    {
        TimeSpan? asked = RetryDelay.Requested(response, _clock());
        return asked > _retry.MaxRetryDuration - elapsed ? asked : null;
    }

    private TimeSpan? NextWait(HttpResponseMessage? response, int attempt, TimeSpan elapsed)
    {
        if (attempt >= _retry.MaxAttempts)
        {
            return null;
        }

        TimeSpan wait = (response is null ? null : RetryDelay.FromRetryAfter(response, _clock(), _retry)) ?? RetryDelay.Backoff(attempt, _retry);
        return elapsed + wait > _retry.MaxRetryDuration ? null : wait;
    }

    internal static HttpRequestMessage Build(PingOneRequest request, string? token, OperationContext context)
    {
        var message = new HttpRequestMessage(request.Method, request.Url);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(request.Accept));
        if (request.IsExternal)
        {
            // Another service gets neither the session's token nor PingOne's transaction header.
            message.Headers.Authorization = request.Authorization?.Invoke();
            return message;
        }

        message.Headers.TryAddWithoutValidation(TransactionHeader, context.TransactionId);
        if (token != null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        else if (request.BasicAuthorization != null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Basic", request.BasicAuthorization());
        }

        if (request.Body != null)
        {
            string body = request.Body();
            if (context.WantsDebug)
            {
                context.Log.Debug(request.Method + " " + request.Url.AbsolutePath + " body: " + Redactor.RedactText(body));
            }

            var content = new StringContent(body, Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue(request.MediaType) { CharSet = request.Charset };
            message.Content = content;
        }

        return message;
    }
}

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
            HttpResponseMessage? response = null;
            Exception? transportFailure = null;
            using (var attemptCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            using (HttpRequestMessage message = Build(request, token, context))
            {
                attemptCancellation.CancelAfter(_retry.RequestTimeout);
                try
                {
                    response = await _client.SendAsync(message, request.Completion, attemptCancellation.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    transportFailure = new TimeoutException(
                        string.Format(CultureInfo.InvariantCulture, "No answer within {0:0.#} s.", _retry.RequestTimeout.TotalSeconds), ex);
                }
                catch (HttpRequestException ex)
                {
                    transportFailure = ex;
                }
            }

            if (response != null)
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
                if (wait is null)
                {
                    using (response)
                    {
                        throw await PingOneErrors.FromResponseAsync(response, request, context, _retry.RequestTimeout, cancellationToken).ConfigureAwait(false);
                    }
                }

                LogRetry(context, attempt, wait.Value, status + " " + response.ReasonPhrase);
                response.Dispose();
                await Task.Delay(wait.Value, cancellationToken).ConfigureAwait(false);
                continue;
            }

            context.Log.Verbose(string.Format(
                CultureInfo.InvariantCulture,
                "{0} {1} -> no response: {2} ({3} ms) [transaction {4}]",
                request.Method,
                Redactor.RedactUrl(request.Url.ToString()),
                Redactor.RedactText(transportFailure!.Message),
                watch.ElapsedMilliseconds,
                context.TransactionId));

            TimeSpan? backoff = request.RetryMode == RetryMode.Safe ? NextWait(null, attempt, total.Elapsed) : null;
            if (backoff is null)
            {
                throw PingOneErrors.FromTransportFailure(transportFailure, request, context);
            }

            LogRetry(context, attempt, backoff.Value, Redactor.RedactText(transportFailure.Message));
            await Task.Delay(backoff.Value, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsRetryable(int status) => status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;

    private static void LogRetry(OperationContext context, int attempt, TimeSpan wait, string reason) =>
        context.Log.Verbose(string.Format(
            CultureInfo.InvariantCulture,
            "Retrying after {0} (attempt {1} failed); waiting {2:0.###} s. [transaction {3}]",
            reason,
            attempt,
            wait.TotalSeconds,
            context.TransactionId));

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
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
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
            content.Headers.ContentType = new MediaTypeHeaderValue(request.MediaType) { CharSet = "utf-8" };
            message.Content = content;
        }

        return message;
    }
}

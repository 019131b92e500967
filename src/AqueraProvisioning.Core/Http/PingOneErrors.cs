using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core;

/// <summary>Turns a failed response or a transport failure into one <see cref="PingOneApiException"/>.</summary>
internal static class PingOneErrors
{
    public static async Task<PingOneApiException> FromResponseAsync(HttpResponseMessage response, PingOneRequest request, OperationContext context, TimeSpan timeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        (string text, bool html) = await ReadErrorBodyAsync(response, timeout, cancellationToken).ConfigureAwait(false);
        context.Log.Debug(request.Method + " " + request.Url.AbsolutePath + " error body: " + (html ? text : Redactor.RedactText(text)));
        PingOneErrorBody? body = html ? null : Parse(text);
        string? code = body?.Code ?? body?.OAuthError;
        string? message = body?.Message ?? body?.OAuthErrorDescription;
        if (string.IsNullOrEmpty(message) && string.IsNullOrEmpty(code))
        {
            // A gateway's or proxy's own error page is named by its title, never quoted.
            message = html ? response.ReasonPhrase + " (" + text + ")" : response.ReasonPhrase;
        }

        return new PingOneApiException(
            (int)response.StatusCode,
            request.Method.Method,
            request.Url,
            code,
            message,
            body?.Details?.Select(Clean).ToList(),
            CorrelationId(response),
            context.TransactionId,
            null,
            request.ResourceKind,
            request.ResourceId)
        {
            IsTokenRequest = request.IsTokenRequest,
            ContentType = response.Content?.Headers.ContentType?.MediaType,
        };
    }

    /// <summary>A success whose body could not be used; <paramref name="problem"/> completes "... answered 200, but ...".</summary>
    public static PingOneApiException InvalidResponse(HttpResponseMessage response, PingOneRequest request, OperationContext context, string problem, Exception? inner)
    {
        context.Log.Verbose(request.Method + " " + Redactor.RedactUrl(request.Url.ToString()) + ": the response cannot be used: " + Redactor.RedactText(problem));
        PingOneApiException failure = PingOneApiException.InvalidResponse(
            (int)response.StatusCode,
            request.Method.Method,
            request.Url,
            problem,
            response.Content?.Headers.ContentType?.MediaType,
            CorrelationId(response),
            context.TransactionId,
            inner,
            request.ResourceKind,
            request.ResourceId);
        failure.IsTokenRequest = request.IsTokenRequest;
        return failure;
    }

    public static PingOneApiException FromTransportFailure(Exception failure, PingOneRequest request, OperationContext context) =>
        new PingOneApiException(
            0,
            request.Method.Method,
            request.Url,
            failure is TimeoutException ? "TIMEOUT" : "CONNECTION_FAILED",
            Redactor.RedactText(failure.GetBaseException().Message),
            null,
            null,
            context.TransactionId,
            failure is TimeoutException ? null : failure,
            request.ResourceKind,
            request.ResourceId)
        {
            IsTokenRequest = request.IsTokenRequest,
        };

    /// <summary>
    /// The error body as text, or for an HTML page its title; read under Ctrl+C, the timeout and the size limit, and
    /// empty when it cannot be read: the status alone still says what failed.
    /// </summary>
    private static async Task<(string Text, bool Html)> ReadErrorBodyAsync(HttpResponseMessage response, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            using ResponseBytes body = await ResponseBytes.ReadAsync(response.Content, timer.Token).ConfigureAwait(false);
            return HtmlTitle.IsHtml(response.Content?.Headers.ContentType?.MediaType, body.Span)
                ? (HtmlTitle.Describe(body.Span), true)
                : (Encoding.UTF8.GetString(body.Span.ToArray()), false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (string.Empty, false);
        }
        catch (ResponseTooLargeException ex)
        {
            // Named like an HTML page: described, never quoted, and not parsed.
            return (ex.Message, true);
        }
        catch (Exception ex) when (ex is IOException || ex is HttpRequestException)
        {
            return (string.Empty, false);
        }
    }

    private static PingOneErrorBody? Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.TrimStart()[0] != '{')
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(text, CoreJson.Default.PingOneErrorBody);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static PingOneErrorDetail Clean(PingOneErrorDetail detail) => new PingOneErrorDetail
    {
        Code = detail.Code,
        Target = detail.Target,
        Message = detail.Message is null ? null : Redactor.RedactText(detail.Message),
    };

    private static string? CorrelationId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Correlation-Id", out IEnumerable<string>? values) ? values.FirstOrDefault() : null;
}

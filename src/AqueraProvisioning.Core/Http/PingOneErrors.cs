using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core;

/// <summary>Turns a failed response or a transport failure into one <see cref="PingOneApiException"/>.</summary>
internal static class PingOneErrors
{
    public static async Task<PingOneApiException> FromResponseAsync(HttpResponseMessage response, PingOneRequest request, OperationContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        string text = response.Content is null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        context.Log.Debug(request.Method + " " + request.Url.AbsolutePath + " error body: " + Redactor.RedactText(text));
        PingOneErrorBody? body = Parse(text);
        string? code = body?.Code ?? body?.OAuthError;
        string? message = body?.Message ?? body?.OAuthErrorDescription;
        if (string.IsNullOrEmpty(message) && string.IsNullOrEmpty(code))
        {
            message = response.ReasonPhrase;
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
        };
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

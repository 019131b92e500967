using System;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core;

/// <summary>
/// Reads a successful response's body for every caller the same way: under Ctrl+C and the request timeout, up to
/// <see cref="ResponseLimits.MaxBodyBytes"/>; and whatever the body turns out to be (cut short, too large, an HTML
/// page from a proxy, not JSON, JSON of another shape, a connection that breaks mid-body) it becomes one
/// <see cref="PingOneApiException"/> with <see cref="ErrorIds.InvalidResponse"/>, never a raw parser or I/O error.
/// </summary>
internal static class ResponseReader
{
    /// <summary>The whole body, read as it arrives under the timeout, up to <see cref="ResponseLimits.MaxBodyBytes"/>.</summary>
    public static async Task<ResponseBytes> ReadBytesAsync(HttpResponseMessage response, PingOneRequest request, OperationContext context, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timer.CancelAfter(timeout);
            try
            {
                return await ResponseBytes.ReadAsync(response.Content, timer.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw PingOneErrors.FromTransportFailure(new TimeoutException("The response body did not arrive within the request timeout.", ex), request, context);
            }
        }
        catch (ResponseTooLargeException ex)
        {
            throw PingOneErrors.InvalidResponse(response, request, context, ex.Message, null);
        }
        catch (Exception ex) when (ex is IOException || ex is HttpRequestException)
        {
            throw PingOneErrors.InvalidResponse(response, request, context, "its body could not be read to the end (" + ex.GetBaseException().Message + ")", ex);
        }
    }

    /// <summary>The body as <typeparamref name="T"/>, or null when it is empty.</summary>
    public static async Task<T?> ReadJsonAsync<T>(HttpResponseMessage response, PingOneRequest request, JsonTypeInfo<T> type, OperationContext context, TimeSpan timeout, CancellationToken cancellationToken)
        where T : class
    {
        using ResponseBytes body = await ReadBytesAsync(response, request, context, timeout, cancellationToken).ConfigureAwait(false);
        return body.IsBlank() ? null : Parse(body, response, request, context, b => JsonSerializer.Deserialize(b.Span, type));
    }

    /// <summary>
    /// The body as a JSON value of any shape (a copy that outlives the response), or null when it is empty: for an
    /// answer whose shape is not documented and is interpreted by the caller.
    /// </summary>
    public static async Task<JsonElement?> ReadAnyJsonAsync(HttpResponseMessage response, PingOneRequest request, OperationContext context, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using ResponseBytes body = await ReadBytesAsync(response, request, context, timeout, cancellationToken).ConfigureAwait(false);
        if (body.IsBlank())
        {
            return null;
        }

        return Parse(body, response, request, context, b =>
        {
            using JsonDocument document = JsonDocument.Parse(b.Memory);
            return document.RootElement.Clone();
        });
    }

    /// <summary>
    /// Parses a body that is not blank. The media type is checked first: an HTML page or a text that only happens
    /// to parse must not be taken for PingOne's answer.
    /// </summary>
    public static T Parse<T>(ResponseBytes body, HttpResponseMessage response, PingOneRequest request, OperationContext context, Func<ResponseBytes, T> parse)
    {
        string? mediaType = response.Content?.Headers.ContentType?.MediaType;
        if (HtmlTitle.IsHtml(mediaType, body.Span))
        {
            throw PingOneErrors.InvalidResponse(response, request, context, "it is " + HtmlTitle.Describe(body.Span) + ", not JSON", null);
        }

        if (mediaType != null && !IsJson(mediaType))
        {
            throw PingOneErrors.InvalidResponse(response, request, context, "its body is " + mediaType + ", not JSON", null);
        }

        try
        {
            return parse(body);
        }
        catch (Exception ex) when (ex is JsonException || ex is InvalidOperationException || ex is FormatException)
        {
            throw PingOneErrors.InvalidResponse(response, request, context, "its JSON could not be read (" + ex.Message + ")", ex);
        }
    }

    /// <summary>application/json, application/hal+json, application/problem+json, a vendor +json type, text/json.</summary>
    private static bool IsJson(string mediaType) =>
        mediaType.EndsWith("/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
}

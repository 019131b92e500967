using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// Gives bodiless error answers (unknown route 404, routing's 405, an unhandled exception's 500) the error shape
/// of the API they belong to, so a client's error parsing is exercised on every path.
/// </summary>
internal static class ErrorBodies
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next, ILogger logger)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var status = exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
            if (status == StatusCodes.Status500InternalServerError)
            {
                logger.LogError(exception, "Unhandled error answering {Method} {Path}", context.Request.Method, context.Request.Path);
            }

            context.Response.Clear();
            context.Response.StatusCode = status;
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
            return;
        }

        if (context.Response.HasStarted || context.Response.StatusCode < 400 || context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        await WriteBodyAsync(context, context.Response.StatusCode);
    }

    private static Task WriteBodyAsync(HttpContext context, int status)
    {
        var reason = ReasonPhrases.GetReasonPhrase(status);
        if (SandboxPaths.IsScim(context))
        {
            return ScimResponse.ErrorAsync(context, status, reason);
        }

        var code = status switch
        {
            StatusCodes.Status404NotFound => "NOT_FOUND",
            StatusCodes.Status405MethodNotAllowed => "METHOD_NOT_ALLOWED",
            StatusCodes.Status500InternalServerError => "UNEXPECTED_ERROR",
            _ => "INVALID_REQUEST",
        };
        return PingOneError.WriteAsync(context, status, code, $"{reason}: {context.Request.Method} {context.Request.Path}");
    }
}

using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// The connection check's answer in the shape the <c>connectionCheckSuccessMode</c> and
/// <c>connectionCheckFailureMode</c> knobs pick: PingOne documents only "200 OK" (API Q1), so a client is tested
/// against every plausible shape.
/// </summary>
internal static class ConnectionCheckAnswers
{
    private const string FailureCode = "CONNECTION_FAILED";

    public static Task WriteSuccessAsync(HttpContext context, ConnectionCheckSuccessMode mode, string message)
    {
        switch (mode)
        {
            case ConnectionCheckSuccessMode.Empty:
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentLength = 0;
                return Task.CompletedTask;
            case ConnectionCheckSuccessMode.NoContent:
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return Task.CompletedTask;
            case ConnectionCheckSuccessMode.SuccessTrue:
                return Ok(context, new JsonObject { ["success"] = true, ["message"] = message });
            case ConnectionCheckSuccessMode.Result:
                return Ok(context, new JsonObject { ["result"] = "PASSED", ["message"] = message });
            default:
                return Ok(context, new JsonObject { ["status"] = "SUCCESS", ["message"] = message });
        }
    }

    /// <param name="context">The request.</param>
    /// <param name="mode">The shape.</param>
    /// <param name="reason">Why the SCIM service could not be used, such as "401 Unauthorized: invalid credentials".</param>
    public static Task WriteFailureAsync(HttpContext context, ConnectionCheckFailureMode mode, string reason)
    {
        var message = "Connection test failed: " + reason;
        var detail = new PingOneErrorDetail(FailureCode, "configuration." + AqueraConfigurationValidator.ScimUrl, reason);
        return mode switch
        {
            ConnectionCheckFailureMode.Body => Ok(context, new JsonObject
            {
                ["status"] = "FAILURE",
                ["message"] = message,
                ["details"] = new JsonArray(new JsonObject { ["message"] = reason }),
            }),
            ConnectionCheckFailureMode.Failed => Ok(context, new JsonObject { ["status"] = "FAILED", ["message"] = message }),
            ConnectionCheckFailureMode.SuccessFalse => Ok(context, new JsonObject { ["success"] = false, ["message"] = message }),
            ConnectionCheckFailureMode.NestedError => Ok(context, new JsonObject
            {
                ["error"] = new JsonObject { ["code"] = FailureCode, ["message"] = message, ["details"] = new JsonArray(detail.ToJson()) },
            }),
            ConnectionCheckFailureMode.Errors => Ok(context, new JsonObject
            {
                ["errors"] = new JsonArray(new JsonObject { ["code"] = FailureCode, ["message"] = message }),
            }),
            ConnectionCheckFailureMode.Unprocessable => PingOneError.WriteAsync(context, StatusCodes.Status422UnprocessableEntity, "UNPROCESSABLE_ENTITY", message, [detail]),
            ConnectionCheckFailureMode.Unexplained => Ok(context, new JsonObject { ["message"] = message }),
            _ => PingOneError.WriteAsync(context, StatusCodes.Status400BadRequest, "INVALID_DATA", message, [detail]),
        };
    }

    private static Task Ok(HttpContext context, JsonObject body) => JsonResponse.WriteAsync(context, StatusCodes.Status200OK, body);
}

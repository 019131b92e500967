using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Text;
using AqueraProvisioning.Core;

namespace AqueraProvisioning.Internal;

/// <summary>
/// Turns Core's exceptions into ErrorRecords: a stable ErrorId, a category from the cause, and PingOne's message,
/// correlation id and our transaction id in ErrorDetails. The target is the input object, never a secret.
/// </summary>
internal static class ErrorRecordFactory
{
    public static ErrorRecord Create(Exception exception, object? target)
    {
        switch (exception)
        {
            case AqueraValidationException invalid:
                return new ErrorRecord(invalid, invalid.ErrorId, ErrorCategory.InvalidArgument, target);

            case AqueraOperationException failed:
                var record = new ErrorRecord(failed, failed.ErrorId, Category(failed), target);
                if (failed.ApiException != null)
                {
                    record.ErrorDetails = Details(failed.ApiException, failed.Message);

                    // What the module understood (say, a secret it must be given) beats the generic advice for the status.
                    string advice = Recommendation(failed.ErrorId);
                    if (advice.Length > 0)
                    {
                        record.ErrorDetails.RecommendedAction = advice;
                    }
                }
                else
                {
                    record.ErrorDetails = new ErrorDetails(failed.Message) { RecommendedAction = Recommendation(failed.ErrorId) };
                }

                return record;

            case PingOneApiException api:
                return new ErrorRecord(api, api.ErrorId, Category(api), target) { ErrorDetails = Details(api, null) };

            case AqueraException other:
                return new ErrorRecord(other, other.ErrorId, ErrorCategory.NotSpecified, target);

            default:
                return new ErrorRecord(exception, "AqueraUnexpectedError", ErrorCategory.NotSpecified, target);
        }
    }

    /// <summary>
    /// Names the invocation's transaction id in ErrorDetails when it is not there yet, so that every failure of an
    /// invocation that talked to PingOne (a refused enable, a failed test, a name in use) can be traced with Ping support.
    /// </summary>
    public static ErrorRecord WithTransaction(ErrorRecord record, string? transactionId)
    {
        string message = record.ErrorDetails?.Message ?? record.Exception.Message;
        if (transactionId is null || transactionId.Length == 0 || message.IndexOf(transactionId, StringComparison.Ordinal) >= 0)
        {
            return record;
        }

        record.ErrorDetails = new ErrorDetails(message + " (transaction " + transactionId + ")")
        {
            RecommendedAction = record.ErrorDetails?.RecommendedAction ?? string.Empty,
        };
        return record;
    }

    public static ErrorRecord NotConnected() =>
        new ErrorRecord(
            new InvalidOperationException("There is no PingOne session in this runspace. Run Connect-AqueraPingOne first (or set the PINGONE_* environment variables and run it with no parameters)."),
            ErrorIds.NotConnected,
            ErrorCategory.InvalidOperation,
            null)
        {
            ErrorDetails = new ErrorDetails("There is no PingOne session in this runspace. Run Connect-AqueraPingOne first.")
            {
                RecommendedAction = "Run Connect-AqueraPingOne -EnvironmentId <id> -ClientId <id> -ClientSecret <SecureString> -Region <NA|EU|CA|AU|SG|AP>.",
            },
        };

    public static ErrorRecord Invalid(string errorId, string message, object? target) =>
        Create(new AqueraValidationException(errorId, message, null), target);

    private static ErrorCategory Category(PingOneApiException api)
    {
        if (api.IsInvalidResponse)
        {
            return ErrorCategory.InvalidResult;
        }

        if (api.IsTokenRequest && (api.StatusCode == 400 || api.StatusCode == 401))
        {
            return ErrorCategory.AuthenticationError;
        }

        return api.StatusCode switch
        {
            0 when api.Code == "TIMEOUT" => ErrorCategory.OperationTimeout,
            0 => ErrorCategory.ConnectionError,
            400 => ErrorCategory.InvalidArgument,
            401 => ErrorCategory.AuthenticationError,
            403 => ErrorCategory.PermissionDenied,
            404 => ErrorCategory.ObjectNotFound,
            408 => ErrorCategory.OperationTimeout,
            409 => ErrorCategory.ResourceExists,
            429 => ErrorCategory.LimitsExceeded,
            _ => ErrorCategory.ResourceUnavailable,
        };
    }

    private static ErrorCategory Category(AqueraOperationException failed) => failed.ErrorId switch
    {
        ErrorIds.ConnectionExists => ErrorCategory.ResourceExists,
        ErrorIds.ConnectionNotFound or ErrorIds.RuleNotFound or ErrorIds.MappingNotFound or ErrorIds.PlanNotFound or
            ErrorIds.UserNotFound or ErrorIds.PopulationNotFound or ErrorIds.GroupNotFound or ErrorIds.NotFound => ErrorCategory.ObjectNotFound,
        ErrorIds.NotAnAqueraConnection => ErrorCategory.InvalidType,
        ErrorIds.ConnectionTestFailed => ErrorCategory.ConnectionError,
        ErrorIds.EnableRefused => ErrorCategory.InvalidOperation,
        ErrorIds.SecretRequired => ErrorCategory.InvalidArgument,
        ErrorIds.CreateOutcomeUnknown => ErrorCategory.ResourceUnavailable,
        _ => failed.ApiException is PingOneApiException api ? Category(api) : ErrorCategory.InvalidOperation,
    };

    private static ErrorDetails Details(PingOneApiException api, string? lead)
    {
        var text = new StringBuilder();
        text.Append(lead ?? (api.ApiMessage is { Length: > 0 } && !api.IsInvalidResponse ? "PingOne: " + api.ApiMessage : api.Message));
        if (api.Details.Count > 0)
        {
            text.Append(" Details: ").Append(string.Join("; ", api.Details.Select(d => d.ToString())));
        }

        text.Append(string.Format(
            CultureInfo.InvariantCulture,
            " (HTTP {0}{1}; correlation id {2}; transaction {3})",
            api.StatusCode,
            api.IsInvalidResponse ? " " + (api.ContentType ?? "no content type") : string.IsNullOrEmpty(api.Code) ? string.Empty : " " + api.Code,
            api.CorrelationId ?? "none",
            api.TransactionId ?? "none"));
        return new ErrorDetails(Redactor.RedactText(text.ToString())) { RecommendedAction = Recommendation(api) };
    }

    private static string Recommendation(PingOneApiException api)
    {
        if (api.IsInvalidResponse)
        {
            return api.ContentType != null && api.ContentType.IndexOf("json", StringComparison.OrdinalIgnoreCase) < 0
                ? "Something other than the PingOne API answered (a proxy, gateway or captive portal): check -Proxy on Connect-AqueraPingOne and the network path to PingOne."
                : "Try again; if the answer stays unreadable, quote the correlation id and transaction to Ping support.";
        }

        if (api.IsTokenRequest)
        {
            return "Check the worker application's client id, secret, environment and region, and its token endpoint authentication method (-ClientAuthentication).";
        }

        return api.StatusCode switch
        {
            401 => "Run Connect-AqueraPingOne again.",
            403 => "Give the worker application the Environment Admin role in this environment.",
            404 => NotFoundAdvice(api.ResourceKind),
            429 => "PingOne is throttling this license; try again later or raise -MaxRetryCount on Connect-AqueraPingOne.",
            _ => "Quote the correlation id and transaction to Ping support if the problem persists.",
        };
    }

    /// <summary>What to check after a 404, for the kind of thing that was not there.</summary>
    private static string NotFoundAdvice(PingOneResourceKind kind) => kind switch
    {
        PingOneResourceKind.Store => "Check the id; Get-AqueraConnection lists the connections.",
        PingOneResourceKind.Environment => "Check the environment id and the region (or -ApiUrl) given to Connect-AqueraPingOne.",
        _ => "Check the " + PingOneResourceKinds.Describe(kind) + " id; it may have been deleted, or belong to another environment.",
    };

    private static string Recommendation(string errorId) => errorId switch
    {
        ErrorIds.SecretRequired => "Pass the current secret with -BearerToken or -Credential.",
        ErrorIds.ConnectionExists => "Choose another name, or change the existing connection with Set-AqueraConnection.",
        ErrorIds.ConnectionTestFailed => "Fix the SCIM URL or credentials, or add -Force to save the connection disabled.",
        ErrorIds.EnableRefused => "Fix the connection with Set-AqueraConnection, or add -Force.",
        _ => string.Empty,
    };
}

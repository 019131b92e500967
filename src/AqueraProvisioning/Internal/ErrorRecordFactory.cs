using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Text;
using AqueraProvisioning.Core;

namespace AqueraProvisioning.Internal;

/// <summary>
/// Turns Core's exceptions into ErrorRecords: a stable ErrorId, a category from the cause, and in ErrorDetails what a
/// user reads first: on the first line the input item the error is about (its name, and its input record number in a
/// pipeline), Core's facts and once the PowerShell advice (which is also the RecommendedAction); on a later line, for
/// API failures, PingOne's status, correlation id and our transaction id. The target is the input object, never a
/// secret.
/// </summary>
internal static class ErrorRecordFactory
{
    /// <summary>
    /// The record for a failure of <paramref name="command"/> (the cmdlet name, which the advice never repeats) about
    /// the input <paramref name="item"/> (its name), when there is one, and the input <paramref name="record"/> number
    /// in a pipeline (0 outside one).
    /// </summary>
    public static ErrorRecord Create(Exception exception, object? target, string command, string? item = null, int record = 0)
    {
        if (exception is not AqueraException failure)
        {
            return new ErrorRecord(exception, "AqueraUnexpectedError", ErrorCategory.NotSpecified, target);
        }

        string advice = Advice.For(failure, command);
        var errorRecord = new ErrorRecord(failure, failure.ErrorId, Category(failure), target);
        PingOneApiException? api = failure as PingOneApiException ?? (failure as AqueraOperationException)?.ApiException;
        if (api != null)
        {
            errorRecord.ErrorDetails = Details(api, failure is PingOneApiException ? null : failure.Message, advice, item, record);
        }
        else if (advice.Length > 0 || item != null)
        {
            errorRecord.ErrorDetails = new ErrorDetails(Lead(item, record, WithAdvice(failure.Message, advice))) { RecommendedAction = advice };
        }

        return errorRecord;
    }

    /// <summary>Adds <paramref name="text"/> to the end of the message's first line, before the trace.</summary>
    public static string AppendToFirstLine(string message, string text)
    {
        int end = message.IndexOf(Environment.NewLine, StringComparison.Ordinal);
        return end < 0 ? message + text : message.Substring(0, end) + text + message.Substring(end);
    }

    /// <summary>The message with the item it is about in front, unless the message names it already.</summary>
    private static string Lead(string? item, int record, string message)
    {
        if (item is null)
        {
            return message;
        }

        string firstLine = message.Split('\n')[0];
        bool named = item.Length == 0 || firstLine.IndexOf(item, StringComparison.OrdinalIgnoreCase) >= 0;
        string number = record > 0 ? "Input record " + record.ToString(CultureInfo.InvariantCulture) : string.Empty;
        string name = named ? string.Empty : "'" + item + "'";
        string lead = number.Length > 0 && name.Length > 0 ? number + ", " + name : number + name;
        return lead.Length == 0 ? message : lead + ": " + message;
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

        record.ErrorDetails = new ErrorDetails(message + Environment.NewLine + "(transaction " + transactionId + ")")
        {
            RecommendedAction = record.ErrorDetails?.RecommendedAction ?? string.Empty,
        };
        return record;
    }

    /// <summary>The fact, as a sentence, then the advice once.</summary>
    private static string WithAdvice(string fact, string advice)
    {
        if (advice.Length == 0 || fact.IndexOf(advice, StringComparison.Ordinal) >= 0)
        {
            return fact;
        }

        string sentence = fact.TrimEnd();
        return (sentence.EndsWith(".", StringComparison.Ordinal) || sentence.EndsWith("!", StringComparison.Ordinal) || sentence.EndsWith("?", StringComparison.Ordinal) ? sentence : sentence + ".") + " " + advice;
    }

    private static ErrorCategory Category(AqueraException failure) => failure switch
    {
        AqueraValidationException => ErrorCategory.InvalidArgument,
        PingOneApiException api => Category(api),
        AqueraOperationException failed => Category(failed),
        AqueraConfigurationException config => config.ErrorId == ErrorIds.ConfigurationFileUnavailable ? ErrorCategory.ReadError : ErrorCategory.InvalidData,
        _ => ErrorCategory.NotSpecified,
    };

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
        ErrorIds.ConnectionExists or ErrorIds.RuleExists or ErrorIds.MappingExists => ErrorCategory.ResourceExists,
        ErrorIds.ConnectionInUse => ErrorCategory.ResourceBusy,
        ErrorIds.RuleEnableRefused or ErrorIds.RuleIncomplete => ErrorCategory.InvalidOperation,
        ErrorIds.ConnectionNotFound or ErrorIds.RuleNotFound or ErrorIds.MappingNotFound or ErrorIds.PlanNotFound or
            ErrorIds.UserNotFound or ErrorIds.PopulationNotFound or ErrorIds.GroupNotFound or ErrorIds.NotFound => ErrorCategory.ObjectNotFound,
        ErrorIds.NotAnAqueraConnection or ErrorIds.NotAnAqueraRule => ErrorCategory.InvalidType,
        ErrorIds.ConnectionTestFailed => ErrorCategory.ConnectionError,
        ErrorIds.EnableRefused => ErrorCategory.InvalidOperation,
        ErrorIds.SecretRequired => ErrorCategory.InvalidArgument,
        ErrorIds.CreateOutcomeUnknown => ErrorCategory.ResourceUnavailable,
        _ => failed.ApiException is PingOneApiException api ? Category(api) : ErrorCategory.InvalidOperation,
    };

    /// <summary>
    /// The lead (what the module understood, or PingOne's message), PingOne's details, the advice, and last the
    /// trace: status, code or content type, correlation id, transaction.
    /// </summary>
    private static ErrorDetails Details(PingOneApiException api, string? lead, string advice, string? item, int record)
    {
        var text = new StringBuilder();
        text.Append(lead ?? (api.ApiMessage is { Length: > 0 } && !api.IsInvalidResponse ? "PingOne: " + api.ApiMessage : api.Message));
        if (api.Details.Count > 0)
        {
            text.Append(" Details: ").Append(string.Join("; ", api.Details.Select(d => d.ToString())));
        }

        string withAdvice = Lead(item, record, WithAdvice(text.ToString(), advice));
        string trace = string.Format(
            CultureInfo.InvariantCulture,
            "{0}(HTTP {1}{2}; correlation id {3}; transaction {4})",
            Environment.NewLine,
            api.StatusCode,
            api.IsInvalidResponse ? " " + (api.ContentType ?? "no content type") : string.IsNullOrEmpty(api.Code) ? string.Empty : " " + api.Code,
            api.CorrelationId ?? "none",
            api.TransactionId ?? "none");
        return new ErrorDetails(Redactor.RedactText(withAdvice + trace)) { RecommendedAction = advice };
    }
}

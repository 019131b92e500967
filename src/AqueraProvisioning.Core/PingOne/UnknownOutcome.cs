using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core;

/// <summary>
/// Sends a create or delete whose answer may be lost (5xx, timeout, reset) and, when it is, looks at the service
/// before sending it again, so a change that went through is never made twice. Retries stay within the session's
/// attempt and time budget.
/// </summary>
internal static class UnknownOutcome
{
    /// <param name="what">What is being done, for the log: "the create of 'x'".</param>
    /// <param name="send">The request.</param>
    /// <param name="look">After an unknown outcome: whether the change is already in effect, and its result.</param>
    /// <param name="giveUp">The failure to report once the budget is spent.</param>
    /// <param name="retry">The session's retry budget.</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the requests and waits.</param>
    public static async Task<T> SendAsync<T>(
        string what,
        Func<Task<T>> send,
        Func<PingOneApiException, Task<(bool InEffect, T Result)>> look,
        Func<PingOneApiException, Exception> giveUp,
        RetryOptions retry,
        OperationContext context,
        CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await send().ConfigureAwait(false);
            }
            catch (PingOneApiException ex) when (ex.OutcomeUnknown)
            {
                context.Log.Verbose(string.Format(CultureInfo.InvariantCulture, "The outcome of {0} is unknown ({1}); looking before trying again.", what, ex.StatusCode == 0 ? ex.Code : ex.StatusCode.ToString(CultureInfo.InvariantCulture)));
                (bool inEffect, T result) = await look(ex).ConfigureAwait(false);
                if (inEffect)
                {
                    context.Log.Verbose(string.Format(CultureInfo.InvariantCulture, "{0} went through after all.", Capitalize(what)));
                    return result;
                }

                TimeSpan wait = RetryDelay.Backoff(attempt, retry);
                if (attempt >= retry.MaxAttempts || watch.Elapsed + wait > retry.MaxRetryDuration)
                {
                    throw giveUp(ex);
                }

                context.Log.Verbose(string.Format(CultureInfo.InvariantCulture, "{0} did not go through; trying again in {1:0.###} s.", Capitalize(what), wait.TotalSeconds));
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
}

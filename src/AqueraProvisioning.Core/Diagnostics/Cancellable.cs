using System;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core;

/// <summary>
/// netstandard2.0's DNS, socket and TLS calls take no cancellation token; these make them obey one, so the probe
/// stops within moments of Ctrl+C or its time limit.
/// </summary>
internal static class Cancellable
{
    /// <summary>Waits for the task or the token, whichever comes first; an abandoned task is observed so it never goes unobserved.</summary>
    public static async Task<T> WaitAsync<T>(Task<T> task, CancellationToken cancellationToken)
    {
        if (!task.IsCompleted)
        {
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(() => cancelled.TrySetResult(true)))
            {
                if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
                {
                    _ = task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
        }

        return await task.ConfigureAwait(false);
    }

    /// <summary>Runs an operation on a resource that is disposed when the token fires, which aborts the operation.</summary>
    public static async Task RunAsync(IDisposable resource, Func<Task> operation, CancellationToken cancellationToken)
    {
        using (cancellationToken.Register(resource.Dispose))
        {
            try
            {
                await operation().ConfigureAwait(false);
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                // Disposing the socket surfaces as ObjectDisposed or a socket error; what really happened is a cancel.
                throw new OperationCanceledException(cancellationToken);
            }
        }
    }
}

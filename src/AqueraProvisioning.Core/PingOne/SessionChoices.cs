using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace AqueraProvisioning.Core;

/// <summary>
/// What one session has learned about how its tenant answers where PingOne's documentation is silent, such as
/// "wants the Basic keys with a bearer token" or "takes no paging parameters on this list". A choice is adopted on
/// the one answer that shows it, said once in Verbose, and kept for the session's life, so a tenant costs the extra
/// request once. Thread-safe: one session may serve a pipeline (parallel runspaces each have their own).
/// </summary>
internal sealed class SessionChoices
{
    private readonly ConcurrentDictionary<string, bool> _adopted = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);

    /// <summary>The choices adopted so far.</summary>
    public IReadOnlyList<string> Adopted => _adopted.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();

    public bool Has(string choice) => _adopted.ContainsKey(choice);

    /// <summary>Adopts <paramref name="choice"/>; only the first caller writes <paramref name="explanation"/> to Verbose.</summary>
    public void Adopt(string choice, OperationContext context, string explanation)
    {
        if (_adopted.TryAdd(choice, true))
        {
            context.Log.Verbose(explanation);
        }
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace AqueraProvisioning.Core;

/// <summary>
/// What one session has learnt about how its tenant answers where PingOne's documentation is silent, such as "wants
/// the Basic keys with a bearer token", "takes no paging parameters on this list" or "creates rules at
/// /propagation/rules". Each choice is a named key kept beside the code that makes it (<c>BearerBasicKeys.Choice</c>,
/// <c>PropagationRules.FlatCreateChoice</c>, ...), out of effect until the one answer that shows it, so a tenant costs
/// the extra request once. Most are adopted for the session's life; a path choice is switched back when the
/// remembered path stops working. Verbose says so exactly when a choice changes, once however many callers race.
/// Thread-safe: one instance per session (<see cref="PingOneApi.Choices"/>), which may serve a pipeline; parallel
/// runspaces each have their own session.
/// </summary>
internal sealed class TenantChoices
{
    private readonly ConcurrentDictionary<string, bool> _inEffect = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);

    /// <summary>The choices in effect, in ordinal order: what the session has learnt so far.</summary>
    public IReadOnlyList<string> Adopted => _inEffect.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();

    /// <summary>Whether <paramref name="choice"/> is in effect.</summary>
    public bool Has(string choice) => _inEffect.ContainsKey(choice);

    /// <summary>Puts <paramref name="choice"/> in effect; only the caller that changes it writes <paramref name="explanation"/> to Verbose.</summary>
    public void Adopt(string choice, OperationContext context, string explanation) => Set(choice, true, context, explanation);

    /// <summary>
    /// Puts <paramref name="choice"/> in effect or takes it out again; only the caller that changes it writes
    /// <paramref name="explanation"/> to Verbose, so setting it as it already is says nothing.
    /// </summary>
    public void Set(string choice, bool inEffect, OperationContext context, string explanation)
    {
        bool changed = inEffect ? _inEffect.TryAdd(choice, true) : _inEffect.TryRemove(choice, out _);
        if (changed)
        {
            context.Log.Verbose(explanation);
        }
    }
}

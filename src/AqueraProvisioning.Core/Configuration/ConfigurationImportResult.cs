using System.Collections.Generic;

namespace AqueraProvisioning.Core;

/// <summary>What an import did: the steps applied, the steps not applied, and why it stopped, if it did.</summary>
public sealed class ConfigurationImportResult
{
    internal ConfigurationImportResult(IReadOnlyList<ConfigurationChange> applied, IReadOnlyList<ConfigurationChange> notApplied, IReadOnlyList<ConfigurationChange> declined)
    {
        Applied = applied;
        NotApplied = notApplied;
        Declined = declined;
    }

    /// <summary>The steps applied, in order.</summary>
    public IReadOnlyList<ConfigurationChange> Applied { get; }

    /// <summary>The steps not applied because the import stopped: the failed one first, then the rest, in order.</summary>
    public IReadOnlyList<ConfigurationChange> NotApplied { get; }

    /// <summary>The steps the caller declined (a delete not confirmed).</summary>
    public IReadOnlyList<ConfigurationChange> Declined { get; }

    /// <summary>Why the import stopped, naming the failed step and what was and was not applied; null when it completed.</summary>
    public AqueraOperationException? Failure { get; internal set; }

    /// <summary>The revision created for the applied steps; null when none was (nothing applied, not asked, or it failed).</summary>
    public PropagationRevision? Revision { get; internal set; }

    /// <summary>The failure of that revision, if it failed.</summary>
    public PingOneApiException? RevisionFailure { get; internal set; }
}

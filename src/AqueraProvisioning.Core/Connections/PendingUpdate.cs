namespace AqueraProvisioning.Core;

/// <summary>A change that has been read and worked out but not sent: the pause where a cmdlet asks ShouldProcess.</summary>
public sealed class PendingUpdate
{
    internal PendingUpdate(PropagationStore saved, AqueraConnectionChanges changes, AqueraConnection current, bool isNoOp)
    {
        Saved = saved;
        Changes = changes;
        Current = current;
        IsNoOp = isNoOp;
    }

    /// <summary>The connection as it is saved now.</summary>
    public AqueraConnection Current { get; }

    /// <summary>True when the connection already is as asked.</summary>
    public bool IsNoOp { get; }

    internal PropagationStore Saved { get; }

    internal AqueraConnectionChanges Changes { get; }
}

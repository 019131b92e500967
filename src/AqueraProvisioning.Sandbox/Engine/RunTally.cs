namespace AqueraProvisioning.Sandbox;

/// <summary>The counts one run adds to a store's <c>syncStatus</c>, and the first reason something failed.</summary>
internal sealed class RunTally
{
    public int Success { get; private set; }

    public int Failed { get; private set; }

    public int FailedDeprovision { get; private set; }

    public int UserTotal { get; set; }

    /// <summary>The first failure of the run (a user's, a deprovisioning's or a group's), for the store's details.</summary>
    public string? FirstFailure { get; private set; }

    /// <summary>Counts a user's or a deprovisioning's result; UNSYNCED and PARTIAL are neither success nor failure.</summary>
    public void Count(UserResult result, bool deprovisioning)
    {
        if (result.IsFailure)
        {
            if (deprovisioning)
            {
                FailedDeprovision++;
            }
            else
            {
                Failed++;
            }

            NoteFailure(result.Reason);
        }
        else if (result.Status is SyncStatuses.Success or SyncStatuses.Deprovisioned)
        {
            Success++;
        }
    }

    public void NoteFailure(string? reason) => FirstFailure ??= reason;
}

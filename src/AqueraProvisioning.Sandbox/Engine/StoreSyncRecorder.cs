using System;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// Adds a run's counts to a store's <c>syncStatus</c> (the counters run since the last revision, which resets them):
/// <c>FAILED</c> once anything failed since then, else <c>SYNCING</c>; <c>details</c> the latest failure's reason;
/// <c>lastSyncAt</c> the run's end, always later than the revision's <c>createdAt</c>.
/// </summary>
internal static class StoreSyncRecorder
{
    public static void Record(StoreRepository stores, Guid storeId, RunTally tally) =>
        stores.SetSyncStatus(storeId, old =>
        {
            var failed = (old?.FailedCount ?? 0) + tally.Failed;
            var failedDeprovision = (old?.FailedDeprovisionCount ?? 0) + tally.FailedDeprovision;
            return new StoreSyncStatus(
                failed + failedDeprovision > 0 ? "FAILED" : "SYNCING",
                IsoTime.After(old?.LastSyncAt ?? DateTimeOffset.MinValue),
                (old?.SuccessCount ?? 0) + tally.Success,
                failed,
                failedDeprovision,
                tally.UserTotal,
                tally.FirstFailure ?? old?.Details);
        });
}

using System;
using System.Linq;

namespace AqueraProvisioning.Core;

/// <summary>
/// The docs call a store's <c>status</c> optional and mutable on create, but the spec's enum lists only INACTIVE and
/// no successful ACTIVE create has been seen (API Q2). A create that asks for ACTIVE and is refused for that field
/// alone is made INACTIVE and then enabled by a replace; the session creates so from then on.
/// </summary>
internal static class ActiveOnCreate
{
    public const string Choice = "create-inactive-then-enable";

    public const string Explanation = "PingOne refused status ACTIVE on create; this session creates connections disabled and then enables them with a replace from now on.";

    /// <summary>A 400 whose every detail is about <c>status</c>: nothing else in the create was wrong.</summary>
    public static bool IsRefusal(PingOneApiException failure) =>
        failure.StatusCode == 400
        && failure.Details.Count > 0
        && failure.Details.All(d => string.Equals(d.Target, "status", StringComparison.OrdinalIgnoreCase));
}

using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// What a SCIM call came to. <paramref name="Failure"/> is null on a 2xx answer with a SCIM JSON body (or none);
/// otherwise it is the reason in words ("401 Unauthorized from the SCIM service: invalid credentials").
/// </summary>
/// <param name="Status">The HTTP status, or 0 when no answer came (refused, timed out, not loopback).</param>
/// <param name="Body">The parsed JSON body, when there was one.</param>
/// <param name="Failure">Why the call did not succeed, or null.</param>
internal sealed record ScimReply(int Status, JsonNode? Body, string? Failure)
{
    public bool Succeeded => Failure is null;

    /// <summary>
    /// True when every later call to the same service would fail the same way (no answer, wrong credentials, a
    /// redirect the client does not follow, not a SCIM service), so a run stops instead of repeating the failure
    /// per user.
    /// </summary>
    public bool IsFatal => Failure is not null && (Status is 0 or 401 or 403 || (Status is >= 200 and < 400));
}

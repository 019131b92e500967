namespace AqueraProvisioning.Sandbox;

/// <summary>Outcome of calling a SCIM service; <paramref name="Message"/> is a reason a person can act on.</summary>
internal sealed record ProbeResult(bool Succeeded, string Message)
{
    public static ProbeResult Fail(string reason) => new(false, reason);
}

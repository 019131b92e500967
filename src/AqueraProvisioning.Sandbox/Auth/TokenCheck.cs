namespace AqueraProvisioning.Sandbox;

/// <summary>Outcome of checking a request's bearer token; each failure gets its own 401 message.</summary>
internal enum TokenCheck
{
    Valid,
    Missing,
    Unknown,
    Expired,
}

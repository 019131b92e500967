namespace AqueraProvisioning.Core;

/// <summary>
/// A PingOne region. An organization lives in exactly one region, and the region decides the API and auth hosts.
/// The codes match the <c>region_code</c> values of Ping's Terraform provider and <c>PINGONE_REGION_CODE</c>.
/// </summary>
public enum PingOneRegion
{
    /// <summary>North America: api.pingone.com / auth.pingone.com.</summary>
    NA,

    /// <summary>Europe: api.pingone.eu / auth.pingone.eu.</summary>
    EU,

    /// <summary>Canada: api.pingone.ca / auth.pingone.ca.</summary>
    CA,

    /// <summary>Australia: api.pingone.com.au / auth.pingone.com.au.</summary>
    AU,

    /// <summary>Singapore: api.pingone.sg / auth.pingone.sg.</summary>
    SG,

    /// <summary>Asia-Pacific (legacy .asia tenants only): api.pingone.asia / auth.pingone.asia.</summary>
    AP,
}

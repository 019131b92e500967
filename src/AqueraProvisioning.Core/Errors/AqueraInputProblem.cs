namespace AqueraProvisioning.Core;

/// <summary>What is wrong with a rejected input, beyond which field it is: the caller words its advice from this.</summary>
public enum AqueraInputProblem
{
    /// <summary>Not acceptable for a reason the message states.</summary>
    Invalid,

    /// <summary>Nothing was given where something is needed.</summary>
    Missing,

    /// <summary>Given, but empty or white space.</summary>
    Empty,

    /// <summary>Longer than PingOne accepts.</summary>
    TooLong,

    /// <summary>Not of the form asked for: not a UUID, not an absolute URL, not a region code.</summary>
    Malformed,

    /// <summary>A URL that is not https:// (plain http:// is allowed only to the local machine).</summary>
    NotHttps,

    /// <summary>A URL that carries a user name or password, which belong in a credential instead.</summary>
    CarriesUserInfo,

    /// <summary>Given together with something it cannot be combined with.</summary>
    Conflicting,
}

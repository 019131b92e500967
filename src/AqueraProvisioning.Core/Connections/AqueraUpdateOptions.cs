namespace AqueraProvisioning.Core;

/// <summary>How an update treats the connection test.</summary>
public sealed class AqueraUpdateOptions
{
    /// <summary>Test the connection first when the result would be an enabled connection with a new state, URL or credential.</summary>
    public bool TestBeforeEnabling { get; set; } = true;

    /// <summary>Save even when that test fails.</summary>
    public bool Force { get; set; }
}

namespace AqueraProvisioning.Core;

/// <summary>The outcome of an update.</summary>
public sealed class AqueraUpdateResult
{
    internal AqueraUpdateResult(AqueraConnection connection, bool changed, AqueraConnectionTestResult? test)
    {
        Connection = connection;
        Changed = changed;
        Test = test;
    }

    /// <summary>The connection as saved.</summary>
    public AqueraConnection Connection { get; }

    /// <summary>False when the connection already was as asked, so nothing was sent.</summary>
    public bool Changed { get; }

    /// <summary>The connection test run before saving, if any.</summary>
    public AqueraConnectionTestResult? Test { get; }
}

namespace AqueraProvisioning.Core;

/// <summary>The outcome of a create.</summary>
public sealed class AqueraCreateResult
{
    internal AqueraCreateResult(AqueraConnection connection, AqueraConnectionTestResult? test, bool savedDisabledAfterFailedTest)
    {
        Connection = connection;
        Test = test;
        SavedDisabledAfterFailedTest = savedDisabledAfterFailedTest;
    }

    /// <summary>The saved connection.</summary>
    public AqueraConnection Connection { get; }

    /// <summary>The connection test run before saving, if any.</summary>
    public AqueraConnectionTestResult? Test { get; }

    /// <summary>True when the test failed and -Force saved it disabled (the console's "continue anyway").</summary>
    public bool SavedDisabledAfterFailedTest { get; }
}

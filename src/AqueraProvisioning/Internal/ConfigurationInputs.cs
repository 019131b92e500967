using System.Management.Automation;
using AqueraProvisioning.Core;

namespace AqueraProvisioning.Internal;

/// <summary>
/// What the configuration cmdlets share: a -Path as a file system path, the file read into a validated document,
/// and the environment read into one. Each failure ends the invocation: nothing further makes sense without them.
/// </summary>
internal static class ConfigurationInputs
{
    /// <summary>The file system path a -Path names (relative to the current location, not required to exist).</summary>
    public static string FilePath(PSCmdlet cmdlet, string path) => cmdlet.GetUnresolvedProviderPathFromPSPath(path);

    /// <summary>The file read and validated, or a terminating error listing every problem.</summary>
    public static AqueraConfiguration ReadDocument(AqueraCmdlet cmdlet, string path)
    {
        AqueraConfiguration? document = null;
        cmdlet.RunOrTerminate(() => document = ConfigurationDataFile.ReadFile(path));
        return document!;
    }

    /// <summary>The session's environment as a document, through the invocation's catalog.</summary>
    public static ConfigurationEnvironment ReadEnvironment(AqueraCmdlet cmdlet, PingOneSession session)
    {
        ConfigurationEnvironment? environment = null;
        ProvisioningCatalog catalog = cmdlet.Catalog(session);
        cmdlet.RunOrTerminate(() => environment = cmdlet.Run(ct => ConfigurationEnvironmentReader.ReadAsync(session, catalog, cmdlet.Context, ct)));
        return environment!;
    }
}

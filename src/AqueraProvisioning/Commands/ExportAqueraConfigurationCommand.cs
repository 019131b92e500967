using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using AqueraProvisioning.Completers;
using AqueraProvisioning.Core;
using AqueraProvisioning.Internal;

namespace AqueraProvisioning.Commands;

/// <summary>
/// <para type="synopsis">Exports the environment's Aquera connections, their outbound rules and attribute mappings as a configuration file.</para>
/// <para type="description">Reads the connections, the rules that send to them (populations and groups by name) and each rule's mappings, and writes them to a .psd1 or .json file chosen by the extension (about_AqueraConfiguration). The file holds no id, timestamp, sync counter or secret: each connection gets a secret reference instead. Without -Path it returns the document object. It sends only reads: the list pages and one mapping list per rule.</para>
/// </summary>
[Cmdlet(VerbsData.Export, "AqueraConfiguration", SupportsShouldProcess = true)]
[OutputType(typeof(AqueraConfiguration))]
public sealed class ExportAqueraConfigurationCommand : AqueraCmdlet
{
    /// <summary><para type="description">The file to write, .psd1 or .json. Without it, the document object is returned instead.</para></summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary><para type="description">Only these connections and the rules that send to them; wildcards allowed. Without it, every Aquera connection.</para></summary>
    [Parameter]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ConnectionNameCompleter))]
    public string[]? Name { get; set; }

    /// <summary><para type="description">Do not overwrite an existing file.</para></summary>
    [Parameter]
    [Alias("NoOverwrite")]
    public SwitchParameter NoClobber { get; set; }

    /// <summary><para type="description">Overwrite a read-only file.</para></summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing() => RequireSession();

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        string? file = Path is null ? null : ConfigurationInputs.FilePath(this, Path);
        if (file != null)
        {
            // A wrong extension is refused before anything is read.
            RunOrTerminate(() => ConfigurationFile.FormatOf(file));
            if (NoClobber.IsPresent && File.Exists(file))
            {
                ThrowTerminatingError(ErrorRecordFor(new AqueraConfigurationException(ErrorIds.ConfigurationFileUnavailable, "The configuration file '" + file + "' already exists, and -NoClobber keeps it.", file), file));
            }
        }

        PingOneSession session = RequireSession();
        AqueraConfiguration document = ConfigurationInputs.ReadEnvironment(this, session).Document;
        Select(document);
        document.AssignDefaultSecretReferences();
        WriteVerbose(document.Connections.Count + " connection(s) and " + document.Rules.Count + " rule(s) with " + document.Rules.Sum(r => r.Mappings.Count) + " mapping(s) exported.");
        if (file is null)
        {
            WriteObject(document);
        }
        else if (ShouldProcess(file, "Write the Aquera configuration"))
        {
            if (Force.IsPresent && File.Exists(file))
            {
                File.SetAttributes(file, File.GetAttributes(file) & ~FileAttributes.ReadOnly);
            }

            RunOrTerminate(() => ConfigurationFile.Write(document, file));
        }

        base.EndProcessing();
    }

    private void Select(AqueraConfiguration document)
    {
        if (Name is null)
        {
            return;
        }

        List<AqueraConfigurationConnection> selected = NamedTargets.Matching(this, Name, document.Connections, c => c.Name, AqueraConnections.NoConnectionNamed);
        document.Connections.Clear();
        foreach (AqueraConfigurationConnection connection in selected)
        {
            document.Connections.Add(connection);
        }

        foreach (AqueraConfigurationRule rule in document.Rules.Where(r => document.FindConnection(r.Connection) is null).ToList())
        {
            document.Rules.Remove(rule);
        }
    }
}

using System.Linq;
using System.Management.Automation;
using AqueraProvisioning.Core;
using AqueraProvisioning.Internal;

namespace AqueraProvisioning.Commands;

/// <summary>
/// <para type="synopsis">Shows what importing a configuration file would change in the environment, as a plan.</para>
/// <para type="description">Reads and validates the file, reads the environment, and writes one object per connection, rule and mapping: Action (Create, Update, Delete, Unchanged), Kind, Name and, for an update, each property's Old and New value, in the order Import-AqueraConfiguration would apply them. It sends only reads and reads no secret: a connection whose secret an import would send shows Credential: (stored) -> (supplied).</para>
/// </summary>
[Cmdlet(VerbsData.Compare, "AqueraConfiguration")]
[OutputType(typeof(ConfigurationChange))]
public sealed class CompareAqueraConfigurationCommand : AqueraCmdlet
{
    /// <summary><para type="description">The configuration file, .psd1 or .json.</para></summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary><para type="description">Also show the deletes an import with -Prune would make: what the file does not name.</para></summary>
    [Parameter]
    public SwitchParameter Prune { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing() => RequireSession();

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        string file = ConfigurationInputs.FilePath(this, Path);
        AqueraConfiguration document = ConfigurationInputs.ReadDocument(this, file);
        ConfigurationEnvironment environment = ConfigurationInputs.ReadEnvironment(this, RequireSession());
        ConfigurationPlan? plan = null;
        RunOrTerminate(() => plan = ConfigurationImport.Compare(document, environment, Prune.IsPresent, file));
        WriteVerbose(plan!.Changes.Count(c => c.Action != ConfigurationAction.Unchanged) + " of " + plan.Changes.Count + " item(s) would change.");
        WriteObject(plan.Changes, enumerateCollection: true);
        base.EndProcessing();
    }
}

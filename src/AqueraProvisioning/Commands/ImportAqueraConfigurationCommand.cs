using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using AqueraProvisioning.Core;
using AqueraProvisioning.Internal;

namespace AqueraProvisioning.Commands;

/// <summary>
/// <para type="synopsis">Makes the environment match a configuration file: creates and updates connections, rules and mappings, and with -Prune deletes what the file does not name.</para>
/// <para type="description">Everything is checked before any change: the file, the connections, populations and groups it names, and every secret the import sends. Then the steps run in dependency order (connections, tested before they are enabled; each rule created disabled, its mappings, then enabled; the deletes last), and one propagation revision follows. It stops at the first step that fails, saying what was applied and what was not; importing again applies the rest. -WhatIf shows the plan Compare-AqueraConfiguration shows and sends nothing that changes anything. Each delete of -Prune asks for confirmation unless -Confirm:$false.</para>
/// </summary>
[Cmdlet(VerbsData.Import, "AqueraConfiguration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ConfigurationChange))]
public sealed class ImportAqueraConfigurationCommand : AqueraChangeCmdlet
{
    private const string Caption = "Import Aquera configuration";

    /// <summary><para type="description">The configuration file, .psd1 or .json.</para></summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary><para type="description">Secrets for this import, keyed by the name of a connection's secret reference (env:NAME, secret:NAME or NAME): SecureStrings, or PSCredentials whose password is the secret. A secret given here is also set on a connection that otherwise would not change, which is how a secret is rotated.</para></summary>
    [Parameter]
    public Hashtable? Secret { get; set; }

    /// <summary><para type="description">Delete the connections, rules and mappings the file does not name. Each delete asks for confirmation unless -Confirm:$false.</para></summary>
    [Parameter]
    public SwitchParameter Prune { get; set; }

    /// <summary><para type="description">Enable a connection, and its rules, even when its connection test fails.</para></summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary><para type="description">Write each step that was applied.</para></summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing() => RequireSession();

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        string file = ConfigurationInputs.FilePath(this, Path);
        AqueraConfiguration document = ConfigurationInputs.ReadDocument(this, file);
        PingOneSession session = RequireSession();
        ConfigurationEnvironment environment = ConfigurationInputs.ReadEnvironment(this, session);
        var options = new ConfigurationImportOptions { Prune = Prune.IsPresent, Force = Force.IsPresent, CreateRevision = !NoRevision.IsPresent, File = file };
        bool usesVault = document.Connections.Any(c => c.Secret?.Source == ConfigurationSecretSource.SecretVault);
        var resolver = new ConfigurationSecretResolver(Secret, usesVault ? SecretVault.For(this) : null);
        ConfigurationImport? import = null;
        RunOrTerminate(() => import = ConfigurationImport.Prepare(document, environment, resolver, options));

        List<ConfigurationChange> steps = import!.Plan.Changes.Where(c => c.Action != ConfigurationAction.Unchanged).ToList();
        List<ConfigurationChange> declined = Confirm(steps);
        if (declined.Count == steps.Count)
        {
            WriteVerbose(steps.Count == 0 ? "The environment already matches '" + file + "'; nothing to send." : "No step was confirmed; nothing was sent.");
            return;
        }

        ConfigurationImportResult result = Run(ct => ConfigurationImporter.ApplyAsync(session, import, declined, Context, ct));
        WriteVerbose(result.Applied.Count + " step(s) applied, " + result.NotApplied.Count + " not applied, " + result.Declined.Count + " declined.");
        if (PassThru.IsPresent)
        {
            WriteObject(result.Applied, enumerateCollection: true);
        }

        if (result.RevisionFailure != null)
        {
            WriteError(RevisionFailed(result.RevisionFailure));
        }

        if (result.Failure != null)
        {
            WriteError(ErrorRecordFor(result.Failure, result.Failure.Name));
        }
    }

    /// <summary>
    /// Asks for each step before anything is sent. A delete counts as high impact: on top of ShouldProcess (which
    /// -WhatIf and -Confirm answer), it asks unless -Confirm:$false or $ConfirmPreference is None, as a cmdlet with
    /// ConfirmImpact High would.
    /// </summary>
    private List<ConfigurationChange> Confirm(List<ConfigurationChange> steps)
    {
        var declined = new List<ConfigurationChange>();
        bool yesToAll = false;
        bool noToAll = false;
        foreach (ConfigurationChange step in steps)
        {
            string text = step.ToString();
            bool go = ShouldProcess(text, text + "?", Caption);
            if (go && step.Action == ConfigurationAction.Delete && AsksForDeletes())
            {
                go = ShouldContinue(text + "?", Caption, ref yesToAll, ref noToAll);
            }

            if (!go)
            {
                declined.Add(step);
            }
        }

        return declined;
    }

    private bool AsksForDeletes()
    {
        if (Bound("Confirm"))
        {
            // -Confirm already asked through ShouldProcess; -Confirm:$false asks nothing.
            return false;
        }

        object? preference = GetVariableValue("ConfirmPreference");
        preference = preference is PSObject wrapped ? wrapped.BaseObject : preference;
        return !(preference is ConfirmImpact impact && impact == ConfirmImpact.None) &&
            !(preference is string text && string.Equals(text, "None", System.StringComparison.OrdinalIgnoreCase));
    }
}

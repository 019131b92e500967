using System.Management.Automation;
using System.Security;
using AqueraProvisioning.Core;
using AqueraProvisioning.Internal;

namespace AqueraProvisioning.Commands;

/// <summary>
/// <para type="synopsis">Creates an Aquera provisioning connection, testing it first.</para>
/// <para type="description">Does what the admin console's New Connection > Aquera wizard does: tests the SCIM URL and credentials (Test Connection), then saves the connection with its preferences. A failed test creates nothing unless -Force, which saves it disabled. Names are unique: an existing name is refused.</para>
/// </summary>
[Cmdlet(VerbsCommon.New, "AqueraConnection", SupportsShouldProcess = true, DefaultParameterSetName = BearerSet)]
[OutputType(typeof(AqueraConnection))]
public sealed class NewAqueraConnectionCommand : AqueraChangeCmdlet
{
    private const string BearerSet = "BearerToken";
    private const string BasicSet = "BasicAuth";
    private ConnectionNameIndex? _names;

    /// <summary><para type="description">The connection name shown in the admin console; unique in the environment.</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public string Name { get; set; } = string.Empty;

    /// <summary><para type="description">A description.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Description { get; set; }

    /// <summary><para type="description">The Aquera SCIM base URL from the Aquera application page (absolute https://).</para></summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    public string ScimUrl { get; set; } = string.Empty;

    /// <summary><para type="description">The Aquera bearer token (the console's "OAuth Access Token").</para></summary>
    [Parameter(Mandatory = true, ParameterSetName = BearerSet)]
    public SecureString? BearerToken { get; set; }

    /// <summary><para type="description">The Aquera Basic Auth user and password.</para></summary>
    [Parameter(Mandatory = true, ParameterSetName = BasicSet)]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary><para type="description">Allow users to be created in Aquera.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [TextToBoolean]
    public SwitchParameter AllowCreate { get; set; }

    /// <summary><para type="description">Allow users to be updated in Aquera.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [TextToBoolean]
    public SwitchParameter AllowUpdate { get; set; }

    /// <summary><para type="description">Allow users to be disabled in Aquera.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [TextToBoolean]
    public SwitchParameter AllowDisable { get; set; }

    /// <summary><para type="description">What happens in Aquera when a user is deprovisioned: Disable (default) or Delete.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [EnumText(typeof(AqueraRemoveAction))]
    public AqueraRemoveAction? RemoveAction { get; set; }

    /// <summary><para type="description">Deprovision users when a rule that uses this connection is deleted.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [TextToBoolean]
    public SwitchParameter DeprovisionOnRuleDeletion { get; set; }

    /// <summary><para type="description">Which group name PingOne sends: CommonName or DistinguishedName. Not sent when omitted.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [EnumText(typeof(AqueraGroupNameSource))]
    public AqueraGroupNameSource? GroupNameSource { get; set; }

    /// <summary><para type="description">Create the connection enabled. It is enabled only when its test passes.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [TextToBoolean]
    public SwitchParameter Enabled { get; set; }

    /// <summary><para type="description">Save without testing the connection first.</para></summary>
    [Parameter]
    public SwitchParameter SkipConnectionTest { get; set; }

    /// <summary><para type="description">Save the connection, disabled, even when its test fails (the console's "continue with an invalid connection").</para></summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary><para type="description">When the connection test fails, probe the SCIM endpoint directly from this machine (as Test-AqueraScimEndpoint does) and add what it found to the error or warning.</para></summary>
    [Parameter]
    public SwitchParameter Diagnose { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing() => RequireSession();

    /// <inheritdoc />
    internal override void ProcessInput()
    {
        PingOneSession session = RequireSession();
        ForEachInput(Name, () =>
        {
            AqueraCredential credential = CredentialInput.From(BearerToken, Credential)
                ?? throw new AqueraValidationException(ErrorIds.InvalidCredential, "No credentials were given.", "BearerToken", AqueraInputProblem.Missing);
            var draft = new AqueraConnectionDraft(Name, ScimUrl, credential)
            {
                Description = Description,
                AllowCreate = AllowCreate.IsPresent,
                AllowUpdate = AllowUpdate.IsPresent,
                AllowDisable = AllowDisable.IsPresent,
                RemoveAction = RemoveAction ?? AqueraRemoveAction.Disable,
                DeprovisionOnRuleDeletion = DeprovisionOnRuleDeletion.IsPresent,
                GroupNameSource = GroupNameSource,
                Enabled = Enabled.IsPresent,
            };
            ReportProgress("Creating Aquera connections", draft.Name);

            // Read before asking: -WhatIf then tells a name in use, and -Confirm never asks about a create that cannot be.
            _names ??= session.Connections.NewNameIndex();
            if (Run(ct => _names.ContainsAsync(draft.Name, Context, ct)))
            {
                throw new AqueraOperationException(ErrorIds.ConnectionExists, "A connection named '" + draft.Name + "' already exists; names must be unique.") { Name = draft.Name };
            }

            if (!Bound(nameof(AllowCreate), nameof(AllowUpdate), nameof(AllowDisable)))
            {
                WriteWarning("The connection '" + draft.Name + "' will create, update and disable nobody in Aquera: -AllowCreate, -AllowUpdate and -AllowDisable are each off unless named. " + Advice.NamePreferencesLater);
            }

            if (!ShouldProcess("'" + draft.Name + "' at " + draft.ScimUrl, "Create Aquera connection"))
            {
                return;
            }

            AqueraCreateResult result;
            try
            {
                result = Run(ct => session.Connections.CreateAsync(draft, SkipConnectionTest.IsPresent, Force.IsPresent, Context, ct));
            }
            catch (AqueraOperationException ex) when (Diagnose.IsPresent && ex.ErrorId == ErrorIds.ConnectionTestFailed)
            {
                throw ConnectionDiagnosis.Attach(this, ex, ScimProbeTarget.For(draft));
            }

            _names.Add(draft.Name);
            MarkChanged();
            Slot.RememberConnection(result.Connection);
            if (result.SavedDisabledAfterFailedTest)
            {
                string diagnosis = Diagnose.IsPresent ? " " + ConnectionDiagnosis.Sentence(ConnectionDiagnosis.Probe(this, ScimProbeTarget.For(draft))) : string.Empty;
                WriteWarning("The connection test for '" + draft.Name + "' failed (" + result.Test?.Message + "). It was saved disabled because of -Force; it cannot be used until its test passes." + diagnosis);
            }

            WriteObject(result.Connection);
        });
    }
}

using System.Management.Automation;
using System.Security;
using AqueraProvisioning.Completers;
using AqueraProvisioning.Core;
using AqueraProvisioning.Internal;

namespace AqueraProvisioning.Commands;

/// <summary>
/// <para type="synopsis">Tests an Aquera connection, as the admin console's Test Connection button does.</para>
/// <para type="description">PingOne tries the Aquera SCIM URL with the credentials. Tests a saved connection (by id, name or pipeline), or a proposed one (-ScimUrl with -BearerToken or -Credential) before it is created. A failed test is a result, not an error; -Quiet returns only $true or $false.</para>
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "AqueraConnection", DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(AqueraConnectionTestResult), typeof(bool))]
public sealed class TestAqueraConnectionCommand : AqueraCmdlet
{
    private const string ByIdSet = "ById";
    private const string ByNameSet = "ByName";
    private const string ProposedSet = "Proposed";

    /// <summary><para type="description">The id of a saved connection; piped connections bind here by property name.</para></summary>
    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ConnectionId")]
    [ArgumentCompleter(typeof(IdCompleter))]
    public string Id { get; set; } = string.Empty;

    /// <summary><para type="description">Names of saved connections (wildcards allowed, each match tested on its own; names piped as text or as a Name property bind here), or the label of a proposed one.</para></summary>
    [Parameter(ParameterSetName = ByNameSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = ProposedSet, Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ConnectionNameCompleter))]
    public string[]? Name { get; set; }

    /// <summary><para type="description">The environment of a saved connection; piped connections bind it by property name, and it must be the session's environment.</para></summary>
    [Parameter(ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = ByNameSet, ValueFromPipelineByPropertyName = true)]
    public string? EnvironmentId { get; set; }

    /// <summary><para type="description">The SCIM URL of a proposed connection (absolute https://).</para></summary>
    [Parameter(ParameterSetName = ProposedSet, Mandatory = true)]
    public string ScimUrl { get; set; } = string.Empty;

    /// <summary><para type="description">The bearer token to test with; for a saved connection, instead of the stored one.</para></summary>
    [Parameter]
    public SecureString? BearerToken { get; set; }

    /// <summary><para type="description">The Basic Auth user and password to test with; for a saved connection, instead of the stored ones.</para></summary>
    [Parameter]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary><para type="description">Return only $true or $false.</para></summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    /// <summary><para type="description">When the test fails, probe the SCIM endpoint directly from this machine (as Test-AqueraScimEndpoint does) with the credentials given, or the stored ones PingOne returns, and put the result in the test result's Diagnosis property.</para></summary>
    [Parameter]
    public SwitchParameter Diagnose { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing() => RequireSession();

    /// <inheritdoc />
    internal override void ProcessInput()
    {
        PingOneSession session = RequireSession();
        if (ParameterSetName == ProposedSet)
        {
            string label = Name is { Length: > 0 } ? string.Join(", ", Name) : "Proposed connection";
            ForEachInput(label, () =>
            {
                AqueraCredential credential = CredentialInput.From(BearerToken, Credential)
                    ?? throw new AqueraValidationException(ErrorIds.InvalidCredential, "A proposed connection cannot be tested without credentials.", "BearerToken", AqueraInputProblem.Missing);
                var draft = new AqueraConnectionDraft(label, ScimUrl, credential);
                Write(session, Run(ct => session.Connections.TestAsync(draft, Context, ct)), credential);
            });
            return;
        }

        ConnectionTargetCmdlet.ForEachTarget(this, session, ParameterSetName == ByNameSet ? Name : null, Id, EnvironmentId, id =>
        {
            AqueraCredential? credential = CredentialInput.From(BearerToken, Credential);
            AqueraConnectionTestResult result;
            try
            {
                result = Run(ct => session.Connections.TestSavedAsync(id, credential, Context, ct));
            }
            catch (AqueraOperationException ex) when (Diagnose.IsPresent && ex.ErrorId == ErrorIds.SecretRequired)
            {
                // PingOne cannot be asked without the secret, but the endpoint can still be probed up to
                // authentication, which says whether the URL and the network path are the problem.
                throw ConnectionDiagnosis.Attach(this, ex, Run(ct => session.Connections.GetProbeTargetAsync(id, null, Context, ct)));
            }

            Write(session, result, credential);
        });
    }

    private void Write(PingOneSession session, AqueraConnectionTestResult result, AqueraCredential? credential)
    {
        if (Diagnose.IsPresent && !result.Success)
        {
            result.Diagnosis = ConnectionDiagnosis.Probe(this, result.ConnectionId is null
                ? ScimProbeTarget.Of(ScimUrl, credential)
                : Run(ct => session.Connections.GetProbeTargetAsync(result.ConnectionId, credential, Context, ct)));
        }

        ReportProgress("Testing Aquera connections", result.Name);
        WriteObject(Quiet.IsPresent ? (object)result.Success : result);
    }
}

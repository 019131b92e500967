using System;
using System.Management.Automation;
using System.Security;
using AqueraProvisioning.Core;
using AqueraProvisioning.Internal;

namespace AqueraProvisioning.Commands;

/// <summary>
/// <para type="synopsis">Checks an Aquera SCIM endpoint directly from this machine, stage by stage, and says what is wrong.</para>
/// <para type="description">When a connection test fails, PingOne says little. This probe runs the stages Url, Dns, Tcp, Tls, Http, Authentication and ScimRead against the SCIM URL with the given credentials, and reports for each its status (Passed, Warning, Failed, Skipped), what it found, a hint about the cause, and how long it took. Stages after a failure are Skipped. It needs no PingOne session; when connected, it uses the session's proxy. Credentials are never sent over plain http to another machine, nor to the target of a redirect, and never appear in the result.</para>
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "AqueraScimEndpoint", DefaultParameterSetName = BearerSet)]
[OutputType(typeof(ScimProbeResult), typeof(bool))]
public sealed class TestAqueraScimEndpointCommand : AqueraCmdlet
{
    private const string BearerSet = "BearerToken";
    private const string BasicSet = "BasicAuth";

    /// <summary><para type="description">The Aquera SCIM base URL, as on the Aquera application page; piped connections bind it by property name.</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public string ScimUrl { get; set; } = string.Empty;

    /// <summary><para type="description">The Aquera bearer token to authenticate with.</para></summary>
    [Parameter(Mandatory = true, ParameterSetName = BearerSet)]
    public SecureString? BearerToken { get; set; }

    /// <summary><para type="description">The Aquera Basic Auth user and password to authenticate with.</para></summary>
    [Parameter(Mandatory = true, ParameterSetName = BasicSet)]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary><para type="description">The time limit of the whole probe, in seconds (1 to 1800; default 30).</para></summary>
    [Parameter]
    [ValidateRange(1, 1800)]
    public int TimeoutSec { get; set; } = (int)ScimEndpointProbe.DefaultTimeout.TotalSeconds;

    /// <summary><para type="description">Return only $true (every stage passed or warned, authentication included) or $false.</para></summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    /// <inheritdoc />
    internal override void ProcessInput()
    {
        ForEachInput(ScimUrl, () =>
        {
            AqueraCredential? credential = CredentialInput.From(BearerToken, Credential);
            ScimProbeResult result = Probe(this, ScimUrl, credential, TimeSpan.FromSeconds(TimeoutSec));
            ReportProgress("Probing Aquera SCIM endpoints", result.ScimUrl);
            WriteObject(Quiet.IsPresent ? (object)result.Success : result);
        });
    }

    /// <summary>Runs the probe for any cmdlet, through its Run bridge, with the runspace's session if there is one, and adds the PowerShell advice.</summary>
    internal static ScimProbeResult Probe(AqueraCmdlet cmdlet, string scimUrl, AqueraCredential? credential, TimeSpan timeout) =>
        ScimProbeAdvice.Add(cmdlet.Run(ct => ScimEndpointProbe.RunAsync(scimUrl, credential, Slot.Session, timeout, cmdlet.Context, ct)));
}

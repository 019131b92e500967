using System;
using System.Management.Automation;
using System.Net;
using System.Security;
using AqueraProvisioning.Completers;
using AqueraProvisioning.Core;
using AqueraProvisioning.Internal;

namespace AqueraProvisioning.Commands;

/// <summary>
/// <para type="synopsis">Connects this PowerShell session to a PingOne environment with a worker application.</para>
/// <para type="description">Gets a worker access token at once, so wrong credentials fail here. With no parameters it reads the PINGONE_* environment variables that Ping's Terraform provider uses.</para>
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "AqueraPingOne", DefaultParameterSetName = SecretSet)]
[OutputType(typeof(PingOneContextInfo))]
public sealed class ConnectAqueraPingOneCommand : AqueraCmdlet
{
    private const string SecretSet = "ClientSecret";
    private const string CredentialSet = "Credential";

    /// <summary><para type="description">The PingOne environment id (a UUID). Default: $env:PINGONE_ENVIRONMENT_ID.</para></summary>
    [Parameter(Position = 0)]
    public string? EnvironmentId { get; set; }

    /// <summary><para type="description">The environment that holds the worker application, when it is not the one whose connections are managed (for example the Administrators environment). Default: the same as EnvironmentId.</para></summary>
    [Parameter]
    public string? WorkerEnvironmentId { get; set; }

    /// <summary><para type="description">The worker application's client id. Default: $env:PINGONE_CLIENT_ID.</para></summary>
    [Parameter(ParameterSetName = SecretSet, Position = 1)]
    public string? ClientId { get; set; }

    /// <summary><para type="description">The worker application's client secret. Default: $env:PINGONE_CLIENT_SECRET.</para></summary>
    [Parameter(ParameterSetName = SecretSet, Position = 2)]
    public SecureString? ClientSecret { get; set; }

    /// <summary><para type="description">The client id as user name and the client secret as password.</para></summary>
    [Parameter(ParameterSetName = CredentialSet, Mandatory = true)]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary><para type="description">The region: NA, EU, CA, AU, SG or AP. Default: $env:PINGONE_REGION_CODE, else NA.</para></summary>
    [Parameter]
    [ArgumentCompleter(typeof(RegionCompleter))]
    public string? Region { get; set; }

    /// <summary><para type="description">An explicit API base URL, instead of the region's. Default: $env:PINGONE_API_SERVICE_HOSTNAME.</para></summary>
    [Parameter]
    public Uri? ApiUrl { get; set; }

    /// <summary><para type="description">An explicit auth base URL, instead of the region's. Default: $env:PINGONE_AUTH_SERVICE_HOSTNAME.</para></summary>
    [Parameter]
    public Uri? AuthUrl { get; set; }

    /// <summary><para type="description">How the worker application authenticates at the token endpoint: ClientSecretBasic (default) or ClientSecretPost.</para></summary>
    [Parameter]
    public ClientAuthenticationMethod ClientAuthentication { get; set; } = ClientAuthenticationMethod.ClientSecretBasic;

    /// <summary><para type="description">A forward proxy for every request of this session. Without it, the system proxy settings apply.</para></summary>
    [Parameter]
    public Uri? Proxy { get; set; }

    /// <summary><para type="description">Credentials for the proxy.</para></summary>
    [Parameter]
    [Credential]
    public PSCredential? ProxyCredential { get; set; }

    /// <summary><para type="description">How many times a throttled or failed request is retried (default 7).</para></summary>
    [Parameter]
    [ValidateRange(0, 49)]
    public int MaxRetryCount { get; set; } = 7;

    /// <summary><para type="description">The timeout of one request in seconds (default 100).</para></summary>
    [Parameter]
    [ValidateRange(1, 1800)]
    public int TimeoutSec { get; set; } = 100;

    /// <summary><para type="description">Write the new session's context.</para></summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    internal override void ProcessInput()
    {
        PingOneSession session;
        try
        {
            session = new PingOneSession(BuildSettings());
        }
        catch (AqueraValidationException ex)
        {
            ThrowTerminatingError(ErrorRecordFor(ex, null));
            return;
        }

        try
        {
            Run(ct => session.ConnectAsync(Context, ct));
        }
        catch (AqueraException ex)
        {
            session.Dispose();
            ThrowTerminatingError(ErrorRecordFor(ex, session.Settings.EnvironmentId));
            return;
        }
        catch
        {
            session.Dispose();
            throw;
        }

        RunspaceSlot slot = Slot;
        PingOneSession? previous = slot.Session;
        slot.Session = session;
        slot.RememberConnections(Array.Empty<AqueraConnection>());
        previous?.Dispose();
        WriteVerbose("Connected to PingOne environment " + session.Settings.EnvironmentId + " at " + session.Settings.Endpoints.ApiBaseUrl + ".");
        if (PassThru.IsPresent)
        {
            WriteObject(session.Context);
        }
    }

    private PingOneSessionSettings BuildSettings()
    {
        string environmentId = Pick(EnvironmentId, "PINGONE_ENVIRONMENT_ID", "EnvironmentId");
        string clientId;
        SecureString secret;
        if (ParameterSetName == CredentialSet)
        {
            clientId = Credential!.UserName;
            secret = Credential.Password;
        }
        else
        {
            clientId = Pick(ClientId, "PINGONE_CLIENT_ID", "ClientId");
            secret = ClientSecret ?? SecretFromEnvironment();
        }

        string? regionCode = Region ?? Environment.GetEnvironmentVariable("PINGONE_REGION_CODE");
        PingOneRegion region = string.IsNullOrWhiteSpace(regionCode) ? PingOneRegion.NA : PingOneEndpoints.ParseRegion(regionCode);
        Uri? api = ApiUrl ?? HostFromEnvironment("PINGONE_API_SERVICE_HOSTNAME", "ApiUrl");
        Uri? auth = AuthUrl ?? HostFromEnvironment("PINGONE_AUTH_SERVICE_HOSTNAME", "AuthUrl");

        var retry = new RetryOptions { MaxAttempts = MaxRetryCount + 1, RequestTimeout = TimeSpan.FromSeconds(TimeoutSec) };
        return new PingOneSessionSettings(environmentId, clientId, secret, PingOneEndpoints.Create(region, api, auth))
        {
            WorkerEnvironmentId = string.IsNullOrWhiteSpace(WorkerEnvironmentId) ? null : WorkerEnvironmentId,
            ClientAuthentication = ClientAuthentication,
            Retry = retry,
            Proxy = Proxy is null ? null : new ProxySettings(Proxy, ProxyCredential?.GetNetworkCredential()),
        };
    }

    private static string Pick(string? value, string variable, string parameter)
    {
        string? chosen = string.IsNullOrWhiteSpace(value) ? Environment.GetEnvironmentVariable(variable) : value;
        if (string.IsNullOrWhiteSpace(chosen))
        {
            throw new AqueraValidationException(
                ErrorIds.MissingConnectionSetting,
                "No " + parameter + " was given, and $env:" + variable + " is not set.",
                parameter,
                AqueraInputProblem.Missing);
        }

        return chosen!;
    }

    private static SecureString SecretFromEnvironment()
    {
        string? text = Environment.GetEnvironmentVariable("PINGONE_CLIENT_SECRET");
        if (string.IsNullOrEmpty(text))
        {
            throw new AqueraValidationException(
                ErrorIds.MissingConnectionSetting,
                "No client secret was given, and $env:PINGONE_CLIENT_SECRET is not set.",
                "ClientSecret",
                AqueraInputProblem.Missing);
        }

        return new NetworkCredential(string.Empty, text).SecurePassword;
    }

    private static Uri? HostFromEnvironment(string variable, string parameter)
    {
        string? host = Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrWhiteSpace(host) ? null : PingOneEndpoints.FromHostName(host!, parameter);
    }
}

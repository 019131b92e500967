using AqueraProvisioning.Core;

namespace AqueraProvisioning.Internal;

/// <summary>
/// The PowerShell half of a probe hint: Core says what is wrong and why; this says which parameter or cmdlet
/// fixes it.
/// </summary>
internal static class ScimProbeAdvice
{
    /// <summary>The advice when PingOne's connection test fails but the direct probe from this machine passes.</summary>
    public const string WorksFromThisMachine = "The SCIM endpoint works from this machine, so the difference is PingOne's network path: Aquera or a firewall in front of it may allow only certain source addresses.";

    public static ScimProbeResult Add(ScimProbeResult result) => result.WithAdvice(stage => For(stage, result.AuthenticationMethod));

    private static string? For(ScimProbeStageResult stage, AqueraAuthenticationMethod? used) => stage.Reason switch
    {
        ScimProbeReasons.NoCredentials => "Pass -BearerToken or -Credential to test them.",
        ScimProbeReasons.WrongScheme => used == AqueraAuthenticationMethod.BearerToken
            ? "Probe again with -Credential (Basic Auth); once it passes, Set-AqueraConnection -Credential switches the connection."
            : "Probe again with -BearerToken; once it passes, Set-AqueraConnection -BearerToken switches the connection.",
        ScimProbeReasons.CredentialsRefused => used == AqueraAuthenticationMethod.BearerToken
            ? "Once the probe passes with the right token, save it with Set-AqueraConnection -BearerToken."
            : "Once the probe passes with the right credentials, save them with Set-AqueraConnection -Credential.",
        ScimProbeReasons.Timeout => "If the service is only slow, give it longer with -TimeoutSec.",
        ScimProbeReasons.InvalidUrl or ScimProbeReasons.PlainHttp or ScimProbeReasons.UserInfo or ScimProbeReasons.PathShape
            or ScimProbeReasons.NotFound or ScimProbeReasons.Redirect => "Correct a saved connection's URL with Set-AqueraConnection -ScimUrl.",
        ScimProbeReasons.ThroughProxy when stage.Stage == ScimProbeStage.Dns => "Connect-AqueraPingOne -Proxy sets the proxy the module uses.",
        _ => null,
    };
}

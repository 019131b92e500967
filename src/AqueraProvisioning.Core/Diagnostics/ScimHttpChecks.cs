using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Authentication;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core;

/// <summary>
/// Stages 5 to 7, through the module's one HTTP pipeline: each request is sent once, with the Authorization header
/// built while it is sent, and never follows a redirect (so credentials never go on to another host).
/// </summary>
internal sealed class ScimHttpChecks
{
    public const string ScimMediaType = "application/scim+json";
    private const string ServiceProviderConfigSchema = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
    private const string ListResponseSchema = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    private const string PathHint = "The SCIM URL's path is probably wrong: a missing tenant or application segment, an extra segment, or a doubled slash. Copy it again from the Aquera application page.";

    private readonly HttpPipeline _pipeline;
    private readonly OperationContext _context;

    public ScimHttpChecks(HttpPipeline pipeline, OperationContext context)
    {
        _pipeline = pipeline;
        _context = context;
    }

    public async Task<StageOutcome> HttpAsync(ProbeState state, CancellationToken cancellationToken)
    {
        (ScimAnswer? answer, StageOutcome noAnswer) = await TryGetAsync(state, "/ServiceProviderConfig", cancellationToken).ConfigureAwait(false);
        if (answer is null)
        {
            return noAnswer;
        }

        string what = "GET /ServiceProviderConfig answered " + answer.Describe();
        if (answer.Status >= 300 && answer.Status < 400)
        {
            return Redirect(state, answer, what);
        }

        if (answer.Status == 401 || answer.Status == 403)
        {
            state.Answer = answer;
            return StageOutcome.Passed(what + "; the Authentication stage judges it." + Challenge(answer));
        }

        if (answer.IsHtml)
        {
            return Html(answer, what);
        }

        if (answer.Status == 404)
        {
            return await WithoutServiceProviderConfigAsync(state, what, cancellationToken).ConfigureAwait(false);
        }

        if (answer.Status >= 200 && answer.Status < 300)
        {
            if (!answer.HasSchema(ServiceProviderConfigSchema))
            {
                return NotScim(answer, what, "a SCIM ServiceProviderConfig");
            }

            state.Answer = answer;
            state.AdvertisedSchemes = Schemes(answer);
            return StageOutcome.Passed(what + ": a SCIM ServiceProviderConfig.");
        }

        return Unexpected(answer, what);
    }

    public static StageOutcome Authentication(ProbeState state)
    {
        ScimAnswer answer = state.Answer!;
        string path = answer.Path;
        string advertised = state.AdvertisedSchemes.Count == 0 ? string.Empty : " ServiceProviderConfig advertises " + string.Join(", ", state.AdvertisedSchemes) + ".";
        if (state.Credential is null)
        {
            return answer.Status == 401 || answer.Status == 403
                ? StageOutcome.Skipped(
                    "No credentials were given; without them GET " + path + " answered " + answer.StatusText + "." + Challenge(answer),
                    ScimProbeReasons.NoCredentials,
                    "The stages up to HTTP ran; authentication and the SCIM read need the connection's credentials: its bearer token, or its Basic user and password.")
                : StageOutcome.Warning(
                    "No credentials were given, and GET " + path + " answered " + answer.StatusText + " without them: the service does not ask for authentication." + advertised,
                    ScimProbeReasons.NoAuthenticationRequired,
                    "A SCIM service that needs no credentials lets anyone provision; check that the URL is the Aquera application's.");
        }

        string used = state.Credential.Method == AqueraAuthenticationMethod.BearerToken ? "Bearer" : "Basic";
        if (answer.Status == 401)
        {
            string detail = "GET " + path + " with " + state.CredentialLabel + " answered " + answer.StatusText + Said(answer) + "." + Challenge(answer) + advertised;
            string? other = OtherScheme(state, answer);
            return other != null
                ? StageOutcome.Failed(
                    detail,
                    ScimProbeReasons.WrongScheme,
                    "The service asks for " + other + ", not " + used + ": the Aquera application is set up for the other authentication method, so the connection must use that one with the matching credentials.")
                : StageOutcome.Failed(
                    detail,
                    ScimProbeReasons.CredentialsRefused,
                    used == "Bearer"
                        ? "The token is wrong, expired or revoked, or belongs to another Aquera application: copy it again from the application page."
                        : "The user name or password is wrong, or belongs to another Aquera application: copy them again from the application page.");
        }

        if (answer.Status == 403)
        {
            return StageOutcome.Failed(
                "GET " + path + " with " + state.CredentialLabel + " answered " + answer.StatusText + Said(answer) + ".",
                ScimProbeReasons.Forbidden,
                "The credentials are valid but not allowed to read this service: the Aquera application's user or token lacks the rights, or an allowlist refuses this network.");
        }

        string accepted = state.CredentialLabel.Substring(0, 1).ToUpperInvariant() + state.CredentialLabel.Substring(1) + " was accepted (" + answer.StatusText + ")." + advertised;
        string expected = used == "Bearer" ? "oauthbearertoken" : "httpbasic";
        return state.AdvertisedSchemes.Count > 0 && !state.AdvertisedSchemes.Any(s => string.Equals(s, expected, StringComparison.OrdinalIgnoreCase) || (used == "Bearer" && string.Equals(s, "oauth2", StringComparison.OrdinalIgnoreCase)))
            ? StageOutcome.Warning(
                accepted + " It does not list " + expected + ".",
                ScimProbeReasons.SchemeNotAdvertised,
                "The service accepts a scheme it does not advertise; if it stops accepting it, the connection needs the advertised one.")
            : StageOutcome.Passed(accepted);
    }

    public async Task<StageOutcome> ReadAsync(ProbeState state, CancellationToken cancellationToken)
    {
        (ScimAnswer? users, StageOutcome noAnswer) = await TryGetAsync(state, "/Users?startIndex=1&count=1", cancellationToken).ConfigureAwait(false);
        if (users is null)
        {
            return noAnswer;
        }

        string what = "GET /Users?startIndex=1&count=1 answered " + users.Describe();
        if (users.Status == 404)
        {
            return StageOutcome.Failed(what + Said(users) + ".", ScimProbeReasons.NotFound, PathHint);
        }

        if (users.Status == 401 || users.Status == 403)
        {
            return StageOutcome.Failed(
                what + Said(users) + ": the credentials that passed authentication may not list users.",
                ScimProbeReasons.Forbidden,
                "The Aquera application's user or token may not read users; provisioning needs read and write access to /Users.");
        }

        if (users.Status < 200 || users.Status >= 300)
        {
            return users.Status >= 300 && users.Status < 400 ? Redirect(state, users, what) : Unexpected(users, what);
        }

        if (!users.HasSchema(ListResponseSchema) || users.Json is not { } json || !json.TryGetProperty("totalResults", out JsonElement total) || total.ValueKind != JsonValueKind.Number)
        {
            return users.IsHtml ? Html(users, what) : NotScim(users, what, "a SCIM ListResponse with totalResults");
        }

        var facts = new StringBuilder(what).Append(": a ListResponse, totalResults ").Append(total.GetRawText());
        foreach (string member in new[] { "startIndex", "itemsPerPage" })
        {
            if (json.TryGetProperty(member, out JsonElement value) && value.ValueKind == JsonValueKind.Number)
            {
                facts.Append(", ").Append(member).Append(' ').Append(value.GetRawText());
            }
        }

        facts.Append('.');
        foreach (string endpoint in new[] { "/ResourceTypes", "/Schemas" })
        {
            facts.Append(' ').Append(await DiscoveryAsync(state, endpoint, cancellationToken).ConfigureAwait(false));
        }

        return StageOutcome.Passed(facts.ToString());
    }

    // Discovery is optional for Aquera, so what it finds is reported and never fails the stage.
    private async Task<string> DiscoveryAsync(ProbeState state, string endpoint, CancellationToken cancellationToken)
    {
        try
        {
            ScimAnswer answer = await GetAsync(state, endpoint, cancellationToken).ConfigureAwait(false);
            if (answer.Status >= 200 && answer.Status < 300 && answer.HasSchema(ListResponseSchema) &&
                answer.Json is { } json && json.TryGetProperty("Resources", out JsonElement resources) && resources.ValueKind == JsonValueKind.Array)
            {
                var names = resources.EnumerateArray()
                    .Select(r => r.ValueKind == JsonValueKind.Object && r.TryGetProperty("name", out JsonElement n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null)
                    .Where(n => !string.IsNullOrEmpty(n))
                    .ToList();
                return endpoint.Substring(1) + ": " + resources.GetArrayLength() + " listed" + (names.Count > 0 ? " (" + string.Join(", ", names) + ")" : string.Empty) + ".";
            }

            return endpoint.Substring(1) + ": not exposed (" + answer.StatusText + ").";
        }
        catch (HttpRequestException ex)
        {
            return endpoint.Substring(1) + ": no answer (" + ex.GetBaseException().Message + ").";
        }
    }

    private async Task<StageOutcome> WithoutServiceProviderConfigAsync(ProbeState state, string what, CancellationToken cancellationToken)
    {
        (ScimAnswer? users, StageOutcome noAnswer) = await TryGetAsync(state, "/Users?startIndex=1&count=1", cancellationToken).ConfigureAwait(false);
        if (users is null)
        {
            return noAnswer;
        }

        if (users.Status == 404 || users.IsHtml)
        {
            return StageOutcome.Failed(what + ", and GET /Users answered " + users.Describe() + ": no SCIM service at this path.", ScimProbeReasons.NotFound, PathHint);
        }

        state.Answer = users;
        return StageOutcome.Warning(
            what + ", but GET /Users answered " + users.Describe() + ": the service has no ServiceProviderConfig at this path.",
            ScimProbeReasons.NoServiceProviderConfig,
            "PingOne's own connection test reads ServiceProviderConfig, so it may fail although /Users works; some Aquera applications do not expose every discovery endpoint.");
    }

    private async Task<(ScimAnswer? Answer, StageOutcome NoAnswer)> TryGetAsync(ProbeState state, string pathAndQuery, CancellationToken cancellationToken)
    {
        try
        {
            return (await GetAsync(state, pathAndQuery, cancellationToken).ConfigureAwait(false), default);
        }
        catch (HttpRequestException ex)
        {
            return (null, NoAnswer(state, ex));
        }
    }

    private async Task<ScimAnswer> GetAsync(ProbeState state, string pathAndQuery, CancellationToken cancellationToken)
    {
        Uri url = state.Resource(pathAndQuery);
        AqueraCredential? credential = state.Credential;
        PingOneRequest request = PingOneRequest.External(url, ScimMediaType, credential is null ? null : () => Authorization(credential));

        // The whole probe has one time limit, carried by the token; this is only a ceiling for a single request.
        using HttpResponseMessage response = await _pipeline.SendOnceAsync(request, state.Timeout, _context, cancellationToken).ConfigureAwait(false);
        return await ScimAnswer.ReadAsync(response, url, pathAndQuery, cancellationToken).ConfigureAwait(false);
    }

    private static AuthenticationHeaderValue Authorization(AqueraCredential credential) =>
        credential.Method == AqueraAuthenticationMethod.BearerToken
            ? new AuthenticationHeaderValue("Bearer", SecretText.Reveal(credential.Secret))
            : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credential.UserName + ":" + SecretText.Reveal(credential.Secret))));

    private static StageOutcome NoAnswer(ProbeState state, HttpRequestException ex)
    {
        Exception root = ex.GetBaseException();
        bool tls = FindInner<AuthenticationException>(ex) != null;
        string through = state.Proxy is null ? string.Empty : " through the proxy " + state.Proxy.Authority;
        return tls
            ? StageOutcome.Failed(
                "The TLS handshake" + through + " failed: " + root.Message,
                ScimProbeReasons.CertificateUntrusted,
                "The certificate the service presents is not trusted by this machine, expired, or issued for another name.")
            : StageOutcome.Failed(
                "No HTTP answer" + through + ": " + root.Message,
                ScimProbeReasons.NetworkError,
                state.Proxy is null ? "The connection broke before an answer came: the service, or something in front of it, closed it." : "The proxy could not reach the service, or refused the request.");
    }

    private static StageOutcome Redirect(ProbeState state, ScimAnswer answer, string what)
    {
        Uri? target = answer.Location;
        bool otherHost = target != null && !string.Equals(target.Authority, state.Url!.Authority, StringComparison.OrdinalIgnoreCase);
        string where = target is null ? "with no Location" : "to " + Redactor.RedactUrl(target.GetLeftPart(UriPartial.Path)) + (otherHost ? " (another host)" : " (the same host)");
        return StageOutcome.Failed(
            what + ", a redirect " + where + ". It was not followed, and the credentials were not sent there.",
            ScimProbeReasons.Redirect,
            otherHost
                ? "SCIM clients, PingOne included, do not follow redirects. A redirect to another host is usually a sign-in page of a proxy or single sign-on gateway that intercepts the request, or an old URL that moved."
                : "SCIM clients, PingOne included, do not follow redirects: the URL is not the exact SCIM base URL (a missing or extra segment, http instead of https). Copy it again from the Aquera application page.");
    }

    private static StageOutcome Html(ScimAnswer answer, string what)
    {
        string? title = answer.HtmlTitle;
        return StageOutcome.Failed(
            what + " with an HTML page" + (string.IsNullOrEmpty(title) ? string.Empty : " titled '" + ScimAnswer.Shorten(title!) + "'") + ", not SCIM JSON.",
            ScimProbeReasons.HtmlPage,
            "A web page answered instead of the SCIM service: a proxy's or captive portal's page, a single sign-on sign-in page, or a web site at that host. Check the host and path, and the proxy settings of this machine.");
    }

    private static StageOutcome NotScim(ScimAnswer answer, string what, string expected) =>
        StageOutcome.Failed(
            what + (answer.Json is null ? ", whose body is not JSON" : ", JSON that is not " + expected) + ".",
            ScimProbeReasons.NotScim,
            "Another web service answers at this URL (an API gateway, a health check, a different API): the URL is not the Aquera SCIM base URL.");

    private static StageOutcome Unexpected(ScimAnswer answer, string what) =>
        answer.Status >= 500
            ? StageOutcome.Failed(what + Said(answer) + ".", ScimProbeReasons.ServerError, "The SCIM service, or a gateway in front of it, has a problem of its own; try again later, and check Aquera's status if it persists.")
            : StageOutcome.Failed(what + Said(answer) + ".", ScimProbeReasons.UnexpectedStatus, "The service refused the request as the probe sent it (GET with Accept: application/scim+json), which a SCIM 2.0 service accepts.");

    private static string Said(ScimAnswer answer) => answer.ScimErrorDetail is { } detail ? " ('" + detail + "')" : string.Empty;

    private static string Challenge(ScimAnswer answer) =>
        answer.Status != 401 ? string.Empty
            : answer.Challenges.Count == 0 ? " It sent no WWW-Authenticate header."
            : " WWW-Authenticate asks for " + string.Join(", ", answer.Challenges) + ".";

    // Names the other scheme only when the service says it wants that one and not the one used.
    private static string? OtherScheme(ProbeState state, ScimAnswer answer)
    {
        bool bearer = state.Credential!.Method == AqueraAuthenticationMethod.BearerToken;
        string used = bearer ? "Bearer" : "Basic";
        string other = bearer ? "Basic" : "Bearer";
        bool asksOther = answer.Challenges.Any(c => string.Equals(c, other, StringComparison.OrdinalIgnoreCase));
        bool asksUsed = answer.Challenges.Any(c => string.Equals(c, used, StringComparison.OrdinalIgnoreCase));
        return asksOther && !asksUsed ? other : null;
    }

    private static IReadOnlyList<string> Schemes(ScimAnswer answer)
    {
        if (answer.Json is not { ValueKind: JsonValueKind.Object } json || !json.TryGetProperty("authenticationSchemes", out JsonElement schemes) || schemes.ValueKind != JsonValueKind.Array)
        {
            return Array.Empty<string>();
        }

        return schemes.EnumerateArray()
            .Select(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("type", out JsonElement type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null)
            .Where(s => !string.IsNullOrEmpty(s))
            .Select(s => s!)
            .ToList();
    }

    private static T? FindInner<T>(Exception exception)
        where T : Exception
    {
        for (Exception? current = exception; current != null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }
        }

        return null;
    }
}

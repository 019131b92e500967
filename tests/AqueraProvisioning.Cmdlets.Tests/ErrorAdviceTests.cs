using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using AqueraProvisioning.Commands;
using AqueraProvisioning.Core;
using AqueraProvisioning.Internal;
using Xunit;

namespace AqueraProvisioning.Cmdlets.Tests;

/// <summary>
/// What the cmdlet layer makes of Core's failures: the ErrorId and category, and what a user reads, Core's fact
/// followed once by the advice, which is also the RecommendedAction and never tells them to run the cmdlet that
/// just failed.
/// </summary>
public sealed class ErrorAdviceTests
{
    private static readonly Uri s_storeUrl = new("https://api.pingone.com/v1/environments/e/propagation/stores/x-1");

    /// <summary>Every cmdlet the module exports, by its name.</summary>
    public static readonly string[] Cmdlets = typeof(ConnectAqueraPingOneCommand).Assembly.GetTypes()
        .Select(t => t.GetCustomAttributes(typeof(CmdletAttribute), false).OfType<CmdletAttribute>().SingleOrDefault())
        .Where(a => a != null)
        .Select(a => a!.VerbName + "-" + a.NounName)
        .OrderBy(n => n, StringComparer.Ordinal)
        .ToArray();

    /// <summary>One failure for each way Core reports one, with the fact Core states.</summary>
    private static IEnumerable<AqueraException> Failures()
    {
        yield return new AqueraValidationException(ErrorIds.InvalidScimUrl, "ScimUrl must not contain a user name or password.", "ScimUrl", AqueraInputProblem.CarriesUserInfo);
        yield return new AqueraValidationException(ErrorIds.InvalidScimUrl, "The SCIM URL is empty.", "ScimUrl", AqueraInputProblem.Empty);
        yield return new AqueraValidationException(ErrorIds.InvalidScimUrl, "The SCIM URL 'x' is not an absolute URL.", "ScimUrl", AqueraInputProblem.Malformed);
        yield return new AqueraValidationException(ErrorIds.InvalidServiceUrl, "Proxy must not contain a user name or password.", "Proxy", AqueraInputProblem.CarriesUserInfo);
        yield return new AqueraValidationException(ErrorIds.InvalidServiceUrl, "AuthUrl must not contain a user name or password.", "AuthUrl", AqueraInputProblem.CarriesUserInfo);
        yield return new AqueraValidationException(ErrorIds.InvalidServiceUrl, "ApiUrl 'ftp://x' is not an http(s) URL; only https:// is allowed.", "ApiUrl", AqueraInputProblem.NotHttps);
        yield return new AqueraValidationException(ErrorIds.InvalidCredential, "The bearer token is empty.", "BearerToken", AqueraInputProblem.Empty);
        yield return new AqueraValidationException(ErrorIds.InvalidCredential, "The Basic Auth password is empty.", "Credential", AqueraInputProblem.Empty);
        yield return new AqueraValidationException(ErrorIds.InvalidCredential, "The client secret is empty.", "ClientSecret", AqueraInputProblem.Empty);
        yield return new AqueraValidationException(ErrorIds.InvalidCredential, "A proposed connection cannot be tested without credentials.", "BearerToken", AqueraInputProblem.Missing);
        yield return new AqueraValidationException(ErrorIds.InvalidName, "The connection name is empty.", "Name", AqueraInputProblem.Empty);
        yield return new AqueraValidationException(ErrorIds.MissingConnectionSetting, "No ClientId was given, and $env:PINGONE_CLIENT_ID is not set.", "ClientId", AqueraInputProblem.Missing);
        yield return new AqueraValidationException(ErrorIds.MissingConnectionSetting, "No client secret was given, and $env:PINGONE_CLIENT_SECRET is not set.", "ClientSecret", AqueraInputProblem.Missing);
        yield return new AqueraValidationException(ErrorIds.ConflictingParameters, "The connection belongs to environment a, but this session is connected to b.", "EnvironmentId", AqueraInputProblem.Conflicting);
        yield return new AqueraValidationException(ErrorIds.ConflictingParameters, "Both a bearer token and Basic Auth credentials were given; a connection uses one of them.", "Credential", AqueraInputProblem.Conflicting);
        yield return new AqueraValidationException(ErrorIds.ConflictingParameters, "Nothing to change was named.", null, AqueraInputProblem.Missing);
        yield return new AqueraOperationException(ErrorIds.NotConnected, "There is no PingOne session in this runspace.");
        yield return new AqueraOperationException(ErrorIds.ConnectionTestFailed, "The connection test for 'HR' failed, so nothing was created: 401.") { Name = "HR" };
        yield return new AqueraOperationException(ErrorIds.EnableRefused, "'HR' was not changed: it would be enabled, but its connection test fails: 401.") { Name = "HR" };
        yield return new AqueraOperationException(ErrorIds.SecretRequired, "PingOne does not return the stored secret of 'HR', and it is needed to test it.") { Name = "HR" };
        yield return new AqueraOperationException(ErrorIds.ConnectionExists, "A connection named 'HR' already exists; names must be unique.") { Name = "HR" };
        yield return new AqueraOperationException(ErrorIds.ConnectionNotFound, "There is no Aquera connection named 'HR'.") { Name = "HR" };
        yield return new AqueraOperationException(ErrorIds.CreateOutcomeUnknown, "'HR' could not be created: PingOne kept failing.", Api(503)) { Name = "HR" };
        yield return new AqueraOperationException(ErrorIds.RevisionFailed, "The changes were saved, but the propagation revision failed.", Api(403));
        yield return new AqueraValidationException(ErrorIds.RuleScopeRequired, "The rule 'R' names no population, group or filter.", "Population", AqueraInputProblem.Missing);
        yield return new AqueraValidationException(ErrorIds.InvalidMapping, "A mapping needs a target attribute.", "Target", AqueraInputProblem.Missing);
        yield return new AqueraValidationException(ErrorIds.InvalidMapping, "The mapping to 'x' needs a source attribute or an expression.", "Source", AqueraInputProblem.Missing);
        yield return new AqueraValidationException(ErrorIds.InvalidMapping, "The mapping to 'x' has both a source attribute and an expression.", "Expression", AqueraInputProblem.Conflicting);
        yield return new AqueraOperationException(ErrorIds.RuleExists, "A provisioning rule named 'R' already exists.") { Name = "R" };
        yield return new AqueraOperationException(ErrorIds.MappingExists, "The rule 'R' already maps 'userName'.") { Name = "userName" };
        yield return new AqueraOperationException(ErrorIds.RuleNotFound, "There is no provisioning rule to an Aquera connection named 'R'.") { Name = "R" };
        yield return new AqueraOperationException(ErrorIds.MappingNotFound, "The rule 'R' has no mapping to 'title'.") { Name = "title" };
        yield return new AqueraOperationException(ErrorIds.PopulationNotFound, "There is no population named 'Defualt'. Close matches: 'Default'.") { Name = "Defualt" };
        yield return new AqueraOperationException(ErrorIds.GroupNotFound, "There is no group named 'Sals'. Close matches: 'Sales'.") { Name = "Sals" };
        yield return new AqueraOperationException(ErrorIds.UserNotFound, "There is no PingOne user with the username 'x'.") { Name = "x" };
        yield return new AqueraOperationException(ErrorIds.NotAnAqueraRule, "The propagation rule 'R' does not send to an Aquera connection.") { Name = "R" };
        yield return new AqueraOperationException(ErrorIds.RuleEnableRefused, "The rule 'R' cannot be enabled: its connection 'HR' is disabled.") { Name = "HR" };
        yield return new AqueraOperationException(ErrorIds.RuleEnableRefused, "PingOne refused to enable the rule 'R': no mappings.", Api(400)) { Name = "R" };
        yield return new AqueraOperationException(ErrorIds.RuleIncomplete, "The rule 'R' was created disabled, but its mapping 'a -> b' failed.", Api(400)) { Name = "R", ChangesSaved = true };
        yield return new AqueraOperationException(ErrorIds.ConnectionInUse, "The connection 'HR' is used by the rule 'R'.") { Name = "HR" };
        yield return new AqueraValidationException(ErrorIds.InvalidScimUrl, "The SCIM URL 'http://x' is not https://.", "ScimUrl", AqueraInputProblem.NotHttps);
        yield return new AqueraValidationException(ErrorIds.InvalidServiceUrl, "Proxy 'x' is not an absolute URL.", "Proxy", AqueraInputProblem.Malformed);
        yield return new AqueraValidationException(ErrorIds.InvalidCredential, "The bearer token is empty.", "BearerToken", AqueraInputProblem.Missing);
        yield return new AqueraOperationException(ErrorIds.NotAnAqueraConnection, "The store 'x' is not an Aquera connection.") { Name = "x" };
        yield return new AqueraOperationException(ErrorIds.ConnectionNotFound, "There is no Aquera connection with the id x.") { Name = "x" };
        yield return PingOneApiException.InvalidResponse(200, "GET", s_storeUrl, "it is an HTML page titled 'Sign in', not JSON", "text/html", "corr-1", "txn-1", null, PingOneResourceKind.Store, "x-1");
        yield return PingOneApiException.InvalidResponse(200, "GET", s_storeUrl, "the JSON was cut short", "application/json", "corr-1", "txn-1", null, PingOneResourceKind.Store, "x-1");
        PingOneApiException waited = Api(429);
        waited.RetryAfterRefused(TimeSpan.FromHours(1), TimeSpan.FromSeconds(30));
        yield return waited;
        yield return new PingOneApiException(401, "POST", new Uri("https://auth.pingone.com/e/as/token"), "invalid_client", "no", null, "corr-1", "txn-1") { IsTokenRequest = true };
        yield return new AqueraOperationException(ErrorIds.EnableRefused, "'HR' was not changed: its test fails.", Api(400)) { Name = "HR" };
        yield return Api(401);
        yield return Api(403);
        yield return Api(429);
        yield return Api(500);
        foreach (PingOneResourceKind kind in Enum.GetValues<PingOneResourceKind>())
        {
            yield return Api(404, kind);
        }
    }

    public static TheoryData<string> CmdletNames() => new(Cmdlets);

    private static PingOneApiException Api(int status, PingOneResourceKind kind = PingOneResourceKind.Store) =>
        new(status, "GET", s_storeUrl, "CODE", "PingOne says no", null, "corr-1", "txn-1", null, kind, "x-1");

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Every_failure_reads_as_the_fact_then_the_advice_once_and_the_advice_never_names_the_cmdlet_that_failed(string cmdlet)
    {
        foreach (AqueraException failure in Failures())
        {
            ErrorRecord record = ErrorRecordFactory.Create(failure, null, cmdlet);
            string advice = record.ErrorDetails?.RecommendedAction ?? string.Empty;
            string what = failure.ErrorId + " from " + cmdlet;

            Assert.Equal(failure.ErrorId, record.FullyQualifiedErrorId);
            Assert.False(string.IsNullOrEmpty(advice) && failure is not AqueraValidationException, "no advice for " + what);
            if (advice.Length == 0)
            {
                continue;
            }

            string message = record.ErrorDetails!.Message;
            string fact = failure is PingOneApiException api && !api.IsInvalidResponse ? "PingOne: " + api.ApiMessage : failure.Message.TrimEnd('.');
            Assert.True(message.StartsWith(fact, StringComparison.Ordinal), what + ": the message starts with Core's fact: " + message);
            Assert.Equal(1, Regex.Count(message, Regex.Escape(advice)));
            Assert.DoesNotContain(cmdlet, advice, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData(PingOneResourceKind.Rule, "AqueraRuleNotFound", "propagation rule")]
    [InlineData(PingOneResourceKind.Mapping, "AqueraMappingNotFound", "propagation mapping")]
    [InlineData(PingOneResourceKind.Plan, "AqueraPlanNotFound", "propagation plan")]
    [InlineData(PingOneResourceKind.User, "AqueraUserNotFound", "user")]
    [InlineData(PingOneResourceKind.Population, "AqueraPopulationNotFound", "population")]
    [InlineData(PingOneResourceKind.Group, "AqueraGroupNotFound", "group")]
    public void A_404_for_another_kind_than_a_connection_is_named_for_that_kind_and_its_advice_too(PingOneResourceKind kind, string errorId, string words)
    {
        ErrorRecord record = ErrorRecordFactory.Create(Api(404, kind), "x-1", "Remove-AqueraConnection");

        Assert.Equal(errorId, record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, record.CategoryInfo.Category);
        Assert.Contains(words, record.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        Assert.DoesNotContain("connection", record.ErrorDetails.RecommendedAction, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Connection", record.FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    [Fact]
    public void A_404_for_a_store_stays_AqueraConnectionNotFound_and_points_at_the_connection_list_unless_that_is_what_failed()
    {
        ErrorRecord fromRemove = ErrorRecordFactory.Create(Api(404), "x-1", "Remove-AqueraConnection");
        ErrorRecord fromGet = ErrorRecordFactory.Create(Api(404), "x-1", "Get-AqueraConnection");

        Assert.Equal("AqueraConnectionNotFound", fromRemove.FullyQualifiedErrorId);
        Assert.Contains("Get-AqueraConnection lists the connections", fromRemove.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        Assert.Equal("AqueraConnectionNotFound", fromGet.FullyQualifiedErrorId);
        Assert.Contains("Check the id", fromGet.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public void Input_advice_follows_the_field_and_the_problem()
    {
        string Advice(string errorId, string? field, AqueraInputProblem problem, string command = "New-AqueraConnection") =>
            ErrorRecordFactory.Create(new AqueraValidationException(errorId, "fact.", field, problem), null, command).ErrorDetails.RecommendedAction;

        Assert.Contains("-BearerToken or -Credential instead", Advice(ErrorIds.InvalidScimUrl, "ScimUrl", AqueraInputProblem.CarriesUserInfo), StringComparison.Ordinal);
        Assert.Contains("-ProxyCredential", Advice(ErrorIds.InvalidServiceUrl, "Proxy", AqueraInputProblem.CarriesUserInfo, "Connect-AqueraPingOne"), StringComparison.Ordinal);
        Assert.Contains("-ClientSecret", Advice(ErrorIds.InvalidServiceUrl, "AuthUrl", AqueraInputProblem.CarriesUserInfo, "Connect-AqueraPingOne"), StringComparison.Ordinal);
        Assert.Contains("https://", Advice(ErrorIds.InvalidScimUrl, "ScimUrl", AqueraInputProblem.NotHttps), StringComparison.Ordinal);
        Assert.Contains("$env:PINGONE_ENVIRONMENT_ID", Advice(ErrorIds.MissingConnectionSetting, "EnvironmentId", AqueraInputProblem.Missing, "Connect-AqueraPingOne"), StringComparison.Ordinal);
        Assert.Contains("-AllowCreate", Advice(ErrorIds.ConflictingParameters, null, AqueraInputProblem.Missing, "Set-AqueraPreferences"), StringComparison.Ordinal);
        Assert.Contains("-NewName", Advice(ErrorIds.ConflictingParameters, null, AqueraInputProblem.Missing, "Set-AqueraConnection"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_message_and_the_recommended_action_of_an_API_failure_carry_the_advice_and_the_trace_stays_last_on_a_line_of_its_own()
    {
        ErrorRecord record = ErrorRecordFactory.Create(Api(403), "x-1", "Get-AqueraConnection");

        Assert.Equal(
            "PingOne: PingOne says no. Give the worker application the Environment Admin role in this environment." + Environment.NewLine + "(HTTP 403 CODE; correlation id corr-1; transaction txn-1)",
            record.ErrorDetails.Message);
        Assert.Equal("Give the worker application the Environment Admin role in this environment.", record.ErrorDetails.RecommendedAction);
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Every_failure_about_a_piped_item_names_the_item_and_its_input_record_on_the_first_line_and_keeps_the_transaction_off_it(string cmdlet)
    {
        foreach (AqueraException failure in Failures())
        {
            ErrorRecord record = ErrorRecordFactory.WithTransaction(ErrorRecordFactory.Create(failure, "Item-7", cmdlet, "Item-7", 3), "txn-9");
            string[] lines = record.ErrorDetails.Message.Split(Environment.NewLine);
            string what = failure.ErrorId + " from " + cmdlet;

            Assert.True(lines[0].StartsWith("Input record 3, 'Item-7': ", StringComparison.Ordinal), what + ": " + lines[0]);
            Assert.DoesNotContain("txn-", lines[0], StringComparison.Ordinal);
            Assert.Contains(lines.Skip(1), line => line.Contains("txn-", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void An_item_the_fact_already_names_is_not_named_twice()
    {
        var failure = new AqueraOperationException(ErrorIds.ConnectionExists, "A connection named 'HR' already exists; names must be unique.") { Name = "HR" };

        string first = ErrorRecordFactory.Create(failure, "HR", "New-AqueraConnection", "HR", 2).ErrorDetails.Message;
        string alone = ErrorRecordFactory.Create(failure, "HR", "New-AqueraConnection", "HR", 0).ErrorDetails.Message;

        Assert.StartsWith("Input record 2: A connection named 'HR' already exists", first, StringComparison.Ordinal);
        Assert.StartsWith("A connection named 'HR' already exists", alone, StringComparison.Ordinal);
    }
}

using System;
using System.Management.Automation;
using AqueraProvisioning.Completers;
using AqueraProvisioning.Core;

namespace AqueraProvisioning.Internal;

/// <summary>
/// The base of cmdlets that act on one saved connection: by -Id (also from the pipeline, by property name, with the
/// object's EnvironmentId checked against the session) or by -Name at the prompt.
/// </summary>
public abstract class ConnectionTargetCmdlet : AqueraChangeCmdlet
{
    /// <summary>The parameter set that takes the connection id.</summary>
    protected const string ByIdSet = "ById";

    /// <summary>The parameter set that takes the connection name.</summary>
    protected const string ByNameSet = "ByName";

    /// <summary><para type="description">The connection id. Piped connections bind here by property name.</para></summary>
    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("ConnectionId")]
    public string Id { get; set; } = string.Empty;

    /// <summary><para type="description">The connection name (exact, not a wildcard).</para></summary>
    [Parameter(ParameterSetName = ByNameSet, Mandatory = true)]
    [ArgumentCompleter(typeof(ConnectionNameCompleter))]
    public string Name { get; set; } = string.Empty;

    /// <summary><para type="description">The environment the connection belongs to; piped connections bind it by property name, and it must be the session's environment.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? EnvironmentId { get; set; }

    /// <summary>What errors name as the target: the id or name given.</summary>
    protected object Target => ParameterSetName == ByNameSet ? Name : Id;

    /// <inheritdoc />
    protected override void BeginProcessing() => RequireSession();

    /// <summary>The id of the target connection, looking the name up when -Name was given.</summary>
    internal string ResolveId(PingOneSession session)
    {
        RequireSessionEnvironment(EnvironmentId, session);
        if (ParameterSetName != ByNameSet)
        {
            return AqueraInput.RequireId(Id, "Id");
        }

        return Run(ct => session.Connections.GetByNameAsync(Name, Context, ct)).Id;
    }

    /// <summary>Refuses a piped connection (or rule: <paramref name="what"/>) from another environment than the session's.</summary>
    internal static void RequireSessionEnvironment(string? environmentId, PingOneSession session, string what = "connection")
    {
        if (!string.IsNullOrEmpty(environmentId) && !string.Equals(environmentId!.Trim(), session.Settings.EnvironmentId, StringComparison.OrdinalIgnoreCase))
        {
            throw new AqueraValidationException(
                ErrorIds.ConflictingParameters,
                "The " + what + " belongs to environment " + environmentId + ", but this session is connected to " + session.Settings.EnvironmentId + ".",
                "EnvironmentId",
                AqueraInputProblem.Conflicting);
        }
    }

    /// <summary>The ShouldProcess target text: name and id.</summary>
    internal static string Describe(AqueraConnection connection) => "'" + connection.Name + "' (" + connection.Id + ")";
}

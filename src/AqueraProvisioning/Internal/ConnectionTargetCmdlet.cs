using System;
using System.Collections.Generic;
using System.Management.Automation;
using AqueraProvisioning.Completers;
using AqueraProvisioning.Core;

namespace AqueraProvisioning.Internal;

/// <summary>
/// The base of cmdlets that act on saved connections: by -Name, first by position, with wildcards as on
/// Get-AqueraConnection (each match handled, and confirmed, on its own; a literal name that matches nothing is
/// ObjectNotFound), or by -Id (also from the pipeline, by property name, with the object's EnvironmentId checked
/// against the session).
/// </summary>
public abstract class ConnectionTargetCmdlet : AqueraChangeCmdlet
{
    /// <summary>The parameter set that takes the connection id.</summary>
    protected const string ByIdSet = "ById";

    /// <summary>The parameter set that takes the connection names.</summary>
    protected const string ByNameSet = "ByName";

    /// <summary><para type="description">Connection names; wildcards allowed, each match handled (and confirmed) on its own. Names piped as text, or as a Name property (such as a CSV column), bind here.</para></summary>
    [Parameter(ParameterSetName = ByNameSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ConnectionNameCompleter))]
    public string[] Name { get; set; } = Array.Empty<string>();

    /// <summary><para type="description">The connection id. Piped connections bind here by property name.</para></summary>
    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ConnectionId")]
    [ArgumentCompleter(typeof(IdCompleter))]
    public string Id { get; set; } = string.Empty;

    /// <summary><para type="description">The environment the connection belongs to; piped connections bind it by property name, and it must be the session's environment.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? EnvironmentId { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing() => RequireSession();

    /// <summary>
    /// Runs <paramref name="body"/> once for each target connection with its id, each on its own (one failing does
    /// not stop the others); the error of each names that connection.
    /// </summary>
    internal void ForEachTarget(PingOneSession session, Action<string> body) =>
        ForEachTarget(this, session, ParameterSetName == ByNameSet ? Name : null, Id, EnvironmentId, body);

    /// <summary>
    /// The same for any cmdlet that takes connection <paramref name="names"/> (null: it was given
    /// <paramref name="id"/>) and a piped EnvironmentId.
    /// </summary>
    internal static void ForEachTarget(AqueraCmdlet cmdlet, PingOneSession session, string[]? names, string id, string? environmentId, Action<string> body)
    {
        if (names is null)
        {
            cmdlet.ForEachInput(id, () =>
            {
                RequireSessionEnvironment(environmentId, session);
                body(AqueraInput.RequireId(id, "Id"));
            });
            return;
        }

        var targets = new List<AqueraConnection>();
        cmdlet.ForEachInput(string.Join(", ", names), () =>
        {
            RequireSessionEnvironment(environmentId, session);
            targets = Resolve(cmdlet, session, names);
        });
        foreach (AqueraConnection connection in targets)
        {
            cmdlet.ForEachInput(connection.Name, () => body(connection.Id));
        }
    }

    /// <summary>The connections the names match (see <see cref="NamedTargets"/>), from one listing.</summary>
    internal static List<AqueraConnection> Resolve(AqueraCmdlet cmdlet, PingOneSession session, IEnumerable<string> names)
    {
        IReadOnlyList<AqueraConnection> all = cmdlet.Run(ct => session.Connections.ListAllAsync(cmdlet.Context, ct));
        Slot.RememberConnections(all);
        return NamedTargets.Matching(cmdlet, names, all, c => c.Name, AqueraConnections.NoConnectionNamed);
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

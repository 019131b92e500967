using System;
using System.Collections.Generic;
using System.Management.Automation;
using AqueraProvisioning.Completers;
using AqueraProvisioning.Core;
using AqueraProvisioning.Internal;

namespace AqueraProvisioning.Commands;

/// <summary>
/// <para type="synopsis">Gets Aquera provisioning connections.</para>
/// <para type="description">Lists the environment's Aquera connections (propagation stores of type Aquera), writing each page as it arrives, or gets connections by id.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "AqueraConnection", DefaultParameterSetName = ByNameSet)]
[OutputType(typeof(AqueraConnection))]
public sealed class GetAqueraConnectionCommand : AqueraCmdlet
{
    private const string ByNameSet = "ByName";
    private const string ByIdSet = "ById";

    /// <summary><para type="description">Connection names; wildcards allowed. Without it, every Aquera connection.</para></summary>
    [Parameter(ParameterSetName = ByNameSet, Position = 0, ValueFromPipeline = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ConnectionNameCompleter))]
    public string[]? Name { get; set; }

    /// <summary><para type="description">Connection ids.</para></summary>
    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ConnectionId")]
    [ArgumentCompleter(typeof(IdCompleter))]
    public string[]? Id { get; set; }

    private readonly List<string> _names = new List<string>();

    /// <inheritdoc />
    protected override void BeginProcessing() => RequireSession();

    /// <inheritdoc />
    internal override void ProcessInput()
    {
        if (ParameterSetName == ByIdSet)
        {
            PingOneSession session = RequireSession();
            foreach (string id in Id ?? Array.Empty<string>())
            {
                ForEachInput(id, () => WriteObject(Run(ct => session.Connections.GetAsync(id, Context, ct))));
            }

            return;
        }

        // Names may arrive one by one from the pipeline; one listing at the end serves them all.
        _names.AddRange(Name ?? Array.Empty<string>());
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (ParameterSetName == ByNameSet)
        {
            PingOneSession session = RequireSession();
            RunOrTerminate(() => List(session));
        }

        base.EndProcessing();
    }

    private void List(PingOneSession session)
    {
        var seen = new List<AqueraConnection>();
        NamedTargets.Match(this, _names, Pages(session), c => c.Name, AqueraConnections.NoConnectionNamed, WriteObject);
        Slot.RememberConnections(seen);

        // Each page is written as it arrives: a listing of thousands shows its first lines at once.
        IEnumerable<AqueraConnection> Pages(PingOneSession session)
        {
            Uri? next = null;
            do
            {
                PingOnePage<AqueraConnection> page = Run(ct => session.Connections.GetPageAsync(next, Context, ct));
                foreach (AqueraConnection connection in page.Items)
                {
                    seen.Add(connection);
                    yield return connection;
                }

                next = page.Next;
            }
            while (next != null);
        }
    }
}

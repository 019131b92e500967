using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using AqueraProvisioning.Completers;
using AqueraProvisioning.Core;
using AqueraProvisioning.Internal;

namespace AqueraProvisioning.Commands;

/// <summary>
/// <para type="synopsis">Gets the Aquera attributes a connection's rules can map to.</para>
/// <para type="description">Asks PingOne for the Aquera store metadata (POST /propagation/storeMetadata/Aquera) with the connection's configuration, so that PingOne also reads the application's own attributes from Aquera; when that cannot be done, the static Aquera attributes come back with a warning or a Verbose line saying why. Each attribute has its name (the mapping target), display name, type and whether it is required. -Target of the mapping cmdlets completes from what this cmdlet last read.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "AqueraAttributeMetadata")]
[OutputType(typeof(AqueraAttributeMetadata))]
public sealed class GetAqueraAttributeMetadataCommand : AqueraCmdlet
{
    /// <summary><para type="description">The connection: a connection object (piped connections bind here), its name or its id.</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ConnectionArgument]
    [ArgumentCompleter(typeof(ConnectionNameCompleter))]
    public AqueraConnection Connection { get; set; } = new AqueraConnection();

    /// <summary><para type="description">Only the attributes with these names; * and ? are wildcards (brackets are literal, as in SCIM paths).</para></summary>
    [Parameter(Position = 1)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(AttributeTargetCompleter))]
    public string[]? Name { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing() => RequireSession();

    /// <inheritdoc />
    internal override void ProcessInput()
    {
        PingOneSession session = RequireSession();
        ForEachInput(Connection.Name.Length > 0 ? Connection.Name : Connection.Id, () =>
        {
            AqueraConnection connection = ProvisioningInputs.Connection(this, session, Connection);
            IReadOnlyList<AqueraAttributeMetadata> attributes = Run(ct => session.AttributeMetadata.GetAqueraAttributesAsync(connection.Id, Context, ct));
            Slot.RememberAttributes(connection.Id, attributes.Select(a => a.Name));
            var matcher = new NameMatcher(Name, NameWildcards.StarAndQuestionMark);
            WriteObject(attributes.Where(a => matcher.IsMatch(a.Name)), enumerateCollection: true);
        });
    }
}

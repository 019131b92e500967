using System.Threading;

namespace AqueraProvisioning.Core;

/// <summary>
/// What this session has learnt about the tenant where the API leaves a choice open (which rule-create path
/// works, which mapping-delete path, whether a plan takes ACTIVE, ...). Each is learnt once, said once in Verbose,
/// and then used without asking again. Shared by the session's resources; flags only ever go from false to true.
/// </summary>
internal sealed class TenantChoices
{
    private int _flatRuleCreate;
    private int _singularMappingDelete;
    private int _planRefusesActive;
    private int _directoryNeedsConfiguration;
    private int _flatMetadataBody;

    /// <summary>The plan-scoped rule create answered 404/405; rules are created at <c>/propagation/rules</c>.</summary>
    public bool FlatRuleCreate => Volatile.Read(ref _flatRuleCreate) != 0;

    /// <summary>The plural mapping delete answered 404/405; mappings are deleted at <c>/propagation/mapping/{id}</c>.</summary>
    public bool SingularMappingDelete => Volatile.Read(ref _singularMappingDelete) != 0;

    /// <summary>A plan PUT with status ACTIVE was refused on <c>status</c>; plans are left as they are.</summary>
    public bool PlanRefusesActive => Volatile.Read(ref _planRefusesActive) != 0;

    /// <summary>A <c>directory</c> store without <c>configuration</c> was refused; it is sent with an empty one.</summary>
    public bool DirectoryNeedsConfiguration => Volatile.Read(ref _directoryNeedsConfiguration) != 0;

    /// <summary>The wrapped store-metadata body was refused; the configuration keys go at the top level.</summary>
    public bool FlatMetadataBody => Volatile.Read(ref _flatMetadataBody) != 0;

    public void UseFlatRuleCreate(bool flat, OperationContext context, string why) =>
        Learn(ref _flatRuleCreate, flat, context, why + (flat ? " Rules are created at /propagation/rules" : " Rules are created on the plan's path") + " from now on in this session.");

    public void UseSingularMappingDelete(bool singular, OperationContext context, string why) =>
        Learn(ref _singularMappingDelete, singular, context, why + " Mappings are deleted at " + (singular ? "/propagation/mapping/{id}" : "/propagation/mappings/{id}") + " from now on in this session.");

    public void LeavePlanStatus(OperationContext context, string why) => Learn(ref _planRefusesActive, context, why + " This session leaves the plan's status as it is from now on.");

    public void SendDirectoryConfiguration(OperationContext context, string why) => Learn(ref _directoryNeedsConfiguration, context, why + " Directory stores are created with an empty configuration from now on in this session.");

    public void UseFlatMetadataBody(bool flat, OperationContext context, string why) =>
        Learn(ref _flatMetadataBody, flat, context, why + " Store metadata is asked for with the configuration " + (flat ? "keys at the top level" : "wrapped in {\"type\",\"configuration\"}") + " from now on in this session.");

    private static void Learn(ref int flag, OperationContext context, string message) => Learn(ref flag, true, context, message);

    private static void Learn(ref int flag, bool value, OperationContext context, string message)
    {
        if (Interlocked.Exchange(ref flag, value ? 1 : 0) != (value ? 1 : 0))
        {
            context.Log.Verbose(message);
        }
    }
}

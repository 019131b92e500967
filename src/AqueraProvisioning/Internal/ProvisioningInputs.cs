using AqueraProvisioning.Core;

namespace AqueraProvisioning.Internal;

/// <summary>
/// Turns what a user gave for a connection or a rule — an object from the module, or a reference made from a name
/// or id by <see cref="ReferenceArgumentAttribute"/> — into the object as the environment has it, through the
/// invocation's catalog and its rules read by id (so fifty piped objects read the environment once). Objects from
/// another environment are refused.
/// </summary>
internal static class ProvisioningInputs
{
    public static AqueraConnection Connection(AqueraCmdlet cmdlet, PingOneSession session, AqueraConnection given)
    {
        ConnectionTargetCmdlet.RequireSessionEnvironment(given.EnvironmentId, session);
        if (!string.IsNullOrEmpty(given.Id) && !string.IsNullOrEmpty(given.Name))
        {
            return given;
        }

        bool byId = !string.IsNullOrEmpty(given.Id);
        string key = byId ? AqueraInput.RequireId(given.Id, "Connection") : AqueraInput.RequireName(given.Name);
        ProvisioningCatalog catalog = cmdlet.Catalog(session);
        return cmdlet.Run(ct => catalog.FindConnectionAsync(key, cmdlet.Context, ct))
            ?? throw (byId
                ? new AqueraOperationException(ErrorIds.ConnectionNotFound, "There is no Aquera connection with the id " + key + ".") { Name = key }
                : AqueraConnections.NoConnectionNamed(key));
    }

    public static AqueraProvisioningRule Rule(AqueraCmdlet cmdlet, PingOneSession session, AqueraProvisioningRule given)
    {
        ConnectionTargetCmdlet.RequireSessionEnvironment(given.EnvironmentId, session, "rule");
        if (!string.IsNullOrEmpty(given.Id) && !string.IsNullOrEmpty(given.ConnectionId))
        {
            return given;
        }

        ProvisioningCatalog catalog = cmdlet.Catalog(session);
        AqueraProvisioningRule rule = string.IsNullOrEmpty(given.Id)
            ? cmdlet.Run(ct => session.Rules.FindByNameAsync(catalog, given.Name, cmdlet.Context, ct)) ?? throw AqueraRules.NoRuleNamed(given.Name)
            : cmdlet.RuleById(session, given.Id);
        AqueraCmdlet.Slot.RememberRule(rule);
        return rule;
    }
}

namespace AqueraProvisioning.Core;

/// <summary>The keys of SchemaVersion 1, in the order the writers put them.</summary>
internal static class ConfigurationKeys
{
    public const string SchemaVersion = "SchemaVersion";
    public const string Connections = "Connections";
    public const string Rules = "Rules";

    public const string Name = "Name";
    public const string Description = "Description";
    public const string ScimUrl = "ScimUrl";
    public const string AuthenticationMethod = "AuthenticationMethod";
    public const string BasicAuthUser = "BasicAuthUser";
    public const string Secret = "Secret";
    public const string AllowCreate = "AllowCreate";
    public const string AllowUpdate = "AllowUpdate";
    public const string AllowDisable = "AllowDisable";
    public const string RemoveAction = "RemoveAction";
    public const string DeprovisionOnRuleDeletion = "DeprovisionOnRuleDeletion";
    public const string GroupNameSource = "GroupNameSource";
    public const string State = "State";

    public const string Connection = "Connection";
    public const string Populations = "Populations";
    public const string Groups = "Groups";
    public const string Filter = "Filter";
    public const string Mappings = "Mappings";

    public const string Target = "Target";
    public const string Source = "Source";
    public const string Expression = "Expression";
    public const string Type = "Type";

    public static readonly string[] Document = { SchemaVersion, Connections, Rules };

    public static readonly string[] ConnectionKeys =
    {
        Name, Description, ScimUrl, AuthenticationMethod, BasicAuthUser, Secret, AllowCreate, AllowUpdate, AllowDisable,
        RemoveAction, DeprovisionOnRuleDeletion, GroupNameSource, State,
    };

    public static readonly string[] RuleKeys = { Name, Connection, Description, State, Populations, Groups, Filter, Mappings };

    public static readonly string[] MappingKeys = { Target, Source, Expression, Type };
}

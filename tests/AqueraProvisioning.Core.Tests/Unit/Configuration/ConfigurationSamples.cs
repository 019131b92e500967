using System;
using System.Linq;

namespace AqueraProvisioning.Core.Tests.Unit.Configuration;

/// <summary>Documents for the configuration tests, built in code so each test states only what it changes.</summary>
internal static class ConfigurationSamples
{
    public const string ScimUrl = "https://api.aquera.io/scim/acme/workday";

    public static AqueraConfigurationConnection Bearer(string name, AqueraConnectionState state = AqueraConnectionState.Enabled) => new()
    {
        Name = name,
        Description = name + " users",
        ScimUrl = ScimUrl,
        AuthenticationMethod = AqueraAuthenticationMethod.BearerToken,
        AllowCreate = true,
        AllowUpdate = true,
        AllowDisable = false,
        RemoveAction = AqueraRemoveAction.Disable,
        State = state,
    };

    public static AqueraConfigurationConnection Basic(string name, string user = "svc-aquera") => new()
    {
        Name = name,
        ScimUrl = "https://api.aquera.io/scim/acme/servicenow",
        AuthenticationMethod = AqueraAuthenticationMethod.BasicAuth,
        BasicAuthUser = user,
        RemoveAction = AqueraRemoveAction.Delete,
        DeprovisionOnRuleDeletion = true,
        GroupNameSource = AqueraGroupNameSource.DistinguishedName,
        State = AqueraConnectionState.Disabled,
    };

    public static AqueraConfigurationRule Rule(string name, string connection, params (string Target, string Source)[] mappings)
    {
        var rule = new AqueraConfigurationRule { Name = name, Connection = connection, Description = "Outbound " + name, State = AqueraConnectionState.Enabled, Filter = "title sw \"Sales\"" };
        rule.Populations.Add("Default");
        rule.Groups.Add("Sales");
        foreach ((string target, string source) in mappings)
        {
            rule.Mappings.Add(new AqueraConfigurationMapping { Target = target, Source = source });
        }

        return rule;
    }

    public static AqueraConfiguration Document(params object[] items)
    {
        var document = new AqueraConfiguration();
        foreach (AqueraConfigurationConnection connection in items.OfType<AqueraConfigurationConnection>())
        {
            document.Connections.Add(connection);
        }

        foreach (AqueraConfigurationRule rule in items.OfType<AqueraConfigurationRule>())
        {
            document.Rules.Add(rule);
        }

        return document;
    }

    /// <summary>Every kind of key and every awkward string a file must carry unchanged.</summary>
    public static AqueraConfiguration Rich()
    {
        AqueraConfigurationConnection workday = Bearer("Workday via Aquera");
        workday.Description = "It's \"quoted\", ‘typographic’ ‚low‛, $HOME $(Get-Date) `n #not a comment\r\nsecond line: Zürich 東京 🚀";
        AqueraConfigurationConnection servicenow = Basic("ServiceNow via Aquera", user: "svc.o'brien");
        servicenow.Secret = ConfigurationSecretReference.Parse("secret:Aquera/ServiceNow password");
        AqueraConfigurationRule sales = Rule("Sales", "Workday via Aquera", ("userName", "username"), ("name.givenName", "name.given"));
        sales.Populations.Add("Contractors");
        sales.Filter = "(title eq \"O'Neil\") and email ew \"@example.com\"";
        sales.Mappings.Add(new AqueraConfigurationMapping { Target = "displayName", Expression = "user.name.given + ' ' + user.name.family" });
        sales.Mappings.Add(new AqueraConfigurationMapping { Target = "emails[type eq \"work\"].value", Source = "email" });
        sales.Mappings.Add(new AqueraConfigurationMapping { Target = "displayName.group", Source = "name", Type = AqueraMappingType.Group });
        var empty = new AqueraConfigurationRule { Name = "Everyone in HR", Connection = "HR already in the environment", State = AqueraConnectionState.Disabled };
        AqueraConfiguration document = Document(workday, servicenow, sales, empty);
        document.AssignDefaultSecretReferences();
        return document;
    }

    /// <summary>A copy through JSON, so a test can change one side without touching the other.</summary>
    public static AqueraConfiguration Copy(AqueraConfiguration document) => ConfigurationReader.FromJson(ConfigurationWriter.ToJson(document));

    public static string Lines(params string[] lines) => string.Join(Environment.NewLine, lines);
}

using System;
using System.Collections.Generic;

namespace AqueraProvisioning.Core;

/// <summary>
/// An import made ready: the document checked against the environment (every connection, population and group it
/// names is there or defined by it), the plan, and every secret the plan sends resolved. Nothing has been sent but
/// reads; <see cref="ConfigurationImporter.ApplyAsync"/> applies it.
/// </summary>
public sealed class ConfigurationImport
{
    private ConfigurationImport(AqueraConfiguration desired, ConfigurationEnvironment environment, ConfigurationPlan plan, IReadOnlyDictionary<string, AqueraCredential> credentials, ConfigurationImportOptions options)
    {
        Desired = desired;
        Environment = environment;
        Plan = plan;
        Credentials = credentials;
        Options = options;
    }

    /// <summary>The document.</summary>
    public AqueraConfiguration Desired { get; }

    /// <summary>The environment as it was read.</summary>
    public ConfigurationEnvironment Environment { get; }

    /// <summary>What the import changes, in the order it applies the steps.</summary>
    public ConfigurationPlan Plan { get; }

    /// <summary>The options.</summary>
    public ConfigurationImportOptions Options { get; }

    /// <summary>The credentials the plan sends, by connection name.</summary>
    internal IReadOnlyDictionary<string, AqueraCredential> Credentials { get; }

    /// <summary>
    /// What importing the document would change, without any secret: the references checked, then the plan. The
    /// stored secrets are assumed kept, so a step that needs one to be supplied shows it as a credential change.
    /// </summary>
    /// <param name="desired">The document.</param>
    /// <param name="environment">The environment.</param>
    /// <param name="prune">Plan the deletes of what the document does not name.</param>
    /// <param name="file">The file, for messages; null for none.</param>
    /// <exception cref="AqueraConfigurationException">A reference the environment cannot satisfy (<see cref="ErrorIds.InvalidConfigurationFile"/>).</exception>
    public static ConfigurationPlan Compare(AqueraConfiguration desired, ConfigurationEnvironment environment, bool prune, string? file = null) =>
        MakePlan(desired, environment, prune, null, file);

    /// <summary>
    /// Checks the references, plans, and resolves every secret the plan sends, all before anything is changed. The
    /// resolver is called here, on the caller's thread.
    /// </summary>
    /// <param name="desired">The document.</param>
    /// <param name="environment">The environment.</param>
    /// <param name="resolver">The host's secret resolver.</param>
    /// <param name="options">The options.</param>
    /// <exception cref="AqueraConfigurationException">A reference the environment cannot satisfy (<see cref="ErrorIds.InvalidConfigurationFile"/>) or secrets that do not resolve (<see cref="ErrorIds.UnresolvedSecret"/>).</exception>
    public static ConfigurationImport Prepare(AqueraConfiguration desired, ConfigurationEnvironment environment, IConfigurationSecretResolver resolver, ConfigurationImportOptions options)
    {
        if (resolver is null)
        {
            throw new ArgumentNullException(nameof(resolver));
        }

        options ??= new ConfigurationImportOptions();
        ConfigurationPlan plan = MakePlan(desired, environment, options.Prune, ConfigurationSecrets.Supplied(desired, resolver, environment), options.File);
        IReadOnlyDictionary<string, AqueraCredential> credentials = ConfigurationSecrets.Resolve(desired, plan, resolver, options.File);
        return new ConfigurationImport(desired, environment, plan, credentials, options);
    }

    private static ConfigurationPlan MakePlan(AqueraConfiguration desired, ConfigurationEnvironment environment, bool prune, ISet<string>? supplied, string? file)
    {
        if (desired is null)
        {
            throw new ArgumentNullException(nameof(desired));
        }

        if (environment is null)
        {
            throw new ArgumentNullException(nameof(environment));
        }

        ConfigurationReferences.Require(desired, environment.Names, file);
        var planOptions = new ConfigurationPlanOptions { Prune = prune };
        planOptions.SecretNotReturned.UnionWith(environment.SecretNotReturned);
        if (supplied != null)
        {
            planOptions.SuppliedSecrets.UnionWith(supplied);
        }

        return ConfigurationPlanner.Plan(desired, environment.Document, planOptions);
    }
}

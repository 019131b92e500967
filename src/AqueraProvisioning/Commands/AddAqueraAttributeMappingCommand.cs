using System.Management.Automation;
using AqueraProvisioning.Completers;
using AqueraProvisioning.Core;
using AqueraProvisioning.Internal;

namespace AqueraProvisioning.Commands;

/// <summary>
/// <para type="synopsis">Adds attribute mappings to an outbound provisioning rule.</para>
/// <para type="description">Adds one mapping — the Aquera attribute (-Target) filled from a PingOne attribute (-Source) or a PingOne expression (-Expression) — or many from the pipeline, such as the rows of a CSV file with Target and Source or Expression columns. A target the rule already maps is refused. One revision covers the whole invocation.</para>
/// </summary>
[Cmdlet(VerbsCommon.Add, "AqueraAttributeMapping", SupportsShouldProcess = true)]
[OutputType(typeof(AqueraAttributeMapping))]
public sealed class AddAqueraAttributeMappingCommand : AqueraChangeCmdlet
{
    private MappingIndex? _index;

    /// <summary><para type="description">The rule: a rule object (piped rules bind here), its name or its id.</para></summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [RuleArgument]
    [ArgumentCompleter(typeof(RuleNameCompleter))]
    public AqueraProvisioningRule Rule { get; set; } = new AqueraProvisioningRule();

    /// <summary><para type="description">The Aquera attribute to fill, as a SCIM path such as name.givenName or emails[type eq "work"].value.</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(AttributeTargetCompleter))]
    public string Target { get; set; } = string.Empty;

    /// <summary><para type="description">The PingOne user attribute to copy, such as username or name.given.</para></summary>
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    [ArgumentCompleter(typeof(SourceAttributeCompleter))]
    public string? Source { get; set; }

    /// <summary><para type="description">A PingOne expression to evaluate instead of -Source, such as user.name.given + ' ' + user.name.family.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    public string? Expression { get; set; }

    /// <summary><para type="description">User (the default) or Group: whether the mapping fills a user or a group attribute.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [EnumText(typeof(AqueraMappingType))]
    public AqueraMappingType? Type { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing() => RequireSession();

    /// <inheritdoc />
    internal override void ProcessInput()
    {
        PingOneSession session = RequireSession();
        _index ??= session.Mappings.NewIndex();
        MappingIndex index = _index;
        ForEachInput(Target, () =>
        {
            AqueraMappingDraft draft = new AqueraMappingDraft(Target, Source, Expression) { Type = Type ?? AqueraMappingType.User }.Validated();
            AqueraProvisioningRule rule = ProvisioningInputs.Rule(this, session, Rule);
            ReportProgress("Adding attribute mappings", draft.ToString());
            if (!ShouldProcess("'" + draft + "' on rule '" + rule.Name + "'", "Add attribute mapping"))
            {
                return;
            }

            AqueraAttributeMapping created = Run(ct => session.Mappings.CreateAsync(rule, draft, index, Context, ct));
            MarkChanged();
            WriteObject(created);
        });
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core;

/// <summary>
/// The mappings of each rule one invocation touches, read once per rule and kept up to date by the invocation's own
/// changes, so fifty mappings added to a rule from a CSV list the rule's mappings once, not fifty times. A mapping's
/// natural key is its target within its rule, compared case-insensitively.
/// </summary>
public sealed class MappingIndex
{
    private readonly AqueraAttributeMappings _mappings;
    private readonly Dictionary<string, List<AqueraAttributeMapping>> _byRule = new Dictionary<string, List<AqueraAttributeMapping>>(StringComparer.OrdinalIgnoreCase);

    internal MappingIndex(AqueraAttributeMappings mappings)
    {
        _mappings = mappings;
    }

    /// <summary>The rule's mappings, as read once and changed since by this invocation.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public async Task<IReadOnlyList<AqueraAttributeMapping>> OfAsync(AqueraProvisioningRule rule, OperationContext context, CancellationToken cancellationToken) =>
        await ListAsync(rule ?? throw new ArgumentNullException(nameof(rule)), context, cancellationToken).ConfigureAwait(false);

    /// <summary>The rule's mapping with this target (case-insensitive), or null.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="target">The target attribute.</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public async Task<AqueraAttributeMapping?> FindAsync(AqueraProvisioningRule rule, string target, OperationContext context, CancellationToken cancellationToken) =>
        (await OfAsync(rule, context, cancellationToken).ConfigureAwait(false)).FirstOrDefault(m => string.Equals(m.Target, (target ?? string.Empty).Trim(), StringComparison.OrdinalIgnoreCase));

    internal async Task<List<AqueraAttributeMapping>> ListAsync(AqueraProvisioningRule rule, OperationContext context, CancellationToken cancellationToken)
    {
        if (!_byRule.TryGetValue(rule.Id, out List<AqueraAttributeMapping>? list))
        {
            list = (await _mappings.ListAsync(rule, context, cancellationToken).ConfigureAwait(false)).ToList();
            _byRule[rule.Id] = list;
        }

        return list;
    }

    /// <summary>Takes a rule's mappings as the caller has just read them, so they are not listed again.</summary>
    internal void Seed(AqueraProvisioningRule rule, IEnumerable<AqueraAttributeMapping> mappings)
    {
        if (!_byRule.ContainsKey(rule.Id))
        {
            _byRule[rule.Id] = mappings.ToList();
        }
    }

    internal void Remember(AqueraAttributeMapping mapping)
    {
        if (_byRule.TryGetValue(mapping.RuleId, out List<AqueraAttributeMapping>? list))
        {
            list.RemoveAll(m => string.Equals(m.Id, mapping.Id, StringComparison.OrdinalIgnoreCase));
            list.Add(mapping);
        }
    }

    internal void Forget(AqueraAttributeMapping mapping)
    {
        if (_byRule.TryGetValue(mapping.RuleId, out List<AqueraAttributeMapping>? list))
        {
            list.RemoveAll(m => string.Equals(m.Id, mapping.Id, StringComparison.OrdinalIgnoreCase));
        }
    }
}
